package dev.costagent.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a report page in {@link HeadlessChromium} at one width and lists what a reader would hit: the page wider than
 * the window (content cut off or a sideways scroll of the whole page), an element sticking out of the window outside
 * a scroll box, a chart that draws nothing or has no hover values, a script error (uncaught exception or console
 * error), sorting or filtering of the recommendations that does not work. Keeps a full-page screenshot.
 */
final class ReportPageCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Measures the page in the browser; returns a JSON string. Elements in a .scroll box may be wider. */
    private static final String MEASURE = "(function(){var d=document.documentElement;var w=window.innerWidth;"
            + "var r={scrollWidth:Math.max(d.scrollWidth,document.body.scrollWidth),innerWidth:w,sticking:[],"
            + "charts:[]};"
            + "document.querySelectorAll('body *').forEach(function(e){if(e.closest('.scroll')||e.closest('svg'))"
            + "{return;}var b=e.getBoundingClientRect();if(b.width>0&&(b.right>w+1||b.left<-1)){"
            + "r.sticking.push(e.tagName.toLowerCase()+(e.className?'.'+e.className:'')+' right='+Math.round(b.right));}});"
            + "document.querySelectorAll('.scroll').forEach(function(e){var b=e.getBoundingClientRect();"
            + "if(b.right>w+1){r.sticking.push('scroll box right='+Math.round(b.right));}});"
            + "document.querySelectorAll('svg.chart').forEach(function(s){var b=s.getBoundingClientRect();"
            + "var marks=0;s.querySelectorAll('polyline,rect.bar,circle.point').forEach(function(m){"
            + "var mb=m.getBoundingClientRect();if(mb.width>0||mb.height>0){marks++;}});"
            + "r.charts.push({title:(s.querySelector('title')||{}).textContent||'',width:b.width,height:b.height,"
            + "marks:marks,hover:s.querySelectorAll('circle title,rect title').length,"
            + "texts:s.querySelectorAll('text').length});});"
            + "return JSON.stringify(r);})()";

    /** Sorts by the monthly column twice and filters by a type; returns a JSON string of what it saw. */
    private static final String INTERACT = "(function(){var t=document.querySelector('table.recs');"
            + "if(!t){return JSON.stringify({none:true});}"
            + "var th=Array.prototype.filter.call(t.querySelectorAll('th'),function(h){"
            + "return h.textContent.indexOf('Monthly')===0;})[0];"
            + "function col(){var i=Array.prototype.indexOf.call(th.parentNode.children,th);"
            + "return Array.prototype.map.call(t.tBodies[0].rows,function(r){"
            + "return parseFloat(r.cells[i].getAttribute('data-value'));});}"
            + "th.click();var asc=col();th.click();var desc=col();"
            + "var sel=document.getElementById('rec-type');var type=sel.options[sel.options.length-1].value;"
            + "sel.value=type;sel.dispatchEvent(new Event('change'));"
            + "var shown=Array.prototype.filter.call(t.tBodies[0].rows,function(r){return !r.hidden;});"
            + "var wrong=shown.filter(function(r){return r.getAttribute('data-type')!==type;}).length;"
            + "sel.value='';sel.dispatchEvent(new Event('change'));"
            + "return JSON.stringify({asc:asc,desc:desc,shown:shown.length,wrong:wrong,"
            + "all:t.tBodies[0].rows.length});})()";

    private ReportPageCheck() {}

    /**
     * The problems of one page at one width (empty when it reads well).
     *
     * @param print whether to lay it out for print instead of the screen
     */
    static List<String> check(HeadlessChromium browser, Path page, int width, boolean print, Path screenshot)
            throws IOException, InterruptedException {
        String target = browser.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .get("targetId")
                .asText();
        String session = browser.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId")
                .asText();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Consumer<JsonNode> events = e -> {
            if (!session.equals(e.path("sessionId").asText())) {
                return;
            }
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Page.loadEventFired":
                    loaded.complete(null);
                    break;
                case "Runtime.exceptionThrown":
                    problems.add("script error: "
                            + p.path("exceptionDetails")
                                    .path("exception")
                                    .path("description")
                                    .asText(p.path("exceptionDetails")
                                            .path("text")
                                            .asText()));
                    break;
                case "Runtime.consoleAPICalled":
                    if ("error".equals(p.path("type").asText())) {
                        problems.add("console error: " + p.path("args"));
                    }
                    break;
                case "Log.entryAdded":
                    if ("error".equals(p.path("entry").path("level").asText())) {
                        problems.add(
                                "browser error: " + p.path("entry").path("text").asText());
                    }
                    break;
                default:
                    break;
            }
        };
        browser.listen(events);
        try {
            browser.send(session, "Page.enable", Map.of());
            browser.send(session, "Runtime.enable", Map.of());
            browser.send(session, "Log.enable", Map.of());
            browser.send(
                    session,
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
            if (print) {
                browser.send(session, "Emulation.setEmulatedMedia", Map.of("media", "print"));
            }
            browser.send(session, "Page.navigate", Map.of("url", page.toUri().toString()));
            loaded.get(60, TimeUnit.SECONDS);
            JsonNode m = JSON.readTree(evaluate(browser, session, MEASURE));
            int scrollWidth = m.get("scrollWidth").asInt();
            int innerWidth = m.get("innerWidth").asInt();
            if (scrollWidth > innerWidth) {
                problems.add("page overflow: " + scrollWidth + " px of content in a " + innerWidth + " px window");
            }
            m.get("sticking").forEach(s -> problems.add("cut off: " + s.asText()));
            if (m.get("charts").isEmpty()) {
                problems.add("no chart on the page");
            }
            for (JsonNode c : m.get("charts")) {
                if (c.get("width").asDouble() < 50
                        || c.get("height").asDouble() < 50
                        || c.get("marks").asInt() == 0) {
                    problems.add("empty chart: " + c);
                } else if (c.get("hover").asInt() == 0 || c.get("texts").asInt() < 3) {
                    problems.add("chart without hover values or axis labels: " + c);
                }
            }
            if (!print) {
                JsonNode i = JSON.readTree(evaluate(browser, session, INTERACT));
                if (!i.has("none")) {
                    if (!sorted(i.get("asc"), true) || !sorted(i.get("desc"), false)) {
                        problems.add("sorting by monthly savings does not sort: " + i);
                    }
                    if (i.get("shown").asInt() == 0 || i.get("wrong").asInt() > 0) {
                        problems.add("filtering by type does not filter: " + i);
                    }
                }
            }
            JsonNode metrics = browser.send(session, "Page.getLayoutMetrics", Map.of());
            double height = Math.min(
                    12_000, metrics.path("cssContentSize").path("height").asDouble(900));
            JsonNode shot = browser.send(
                    session,
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, Base64.getDecoder().decode(shot.get("data").asText()));
            // let late errors (a handler run after load) arrive before the verdict
            browser.send(session, "Runtime.evaluate", Map.of("expression", "1"));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            problems.add("page did not load: " + e);
        } finally {
            browser.unlisten(events);
            browser.send(null, "Target.closeTarget", Map.of("targetId", target));
        }
        return new ArrayList<>(problems);
    }

    private static String evaluate(HeadlessChromium browser, String session, String expression) {
        JsonNode r = browser.send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("check script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value").asText();
    }

    private static boolean sorted(JsonNode values, boolean ascending) {
        for (int k = 1; k < values.size(); k++) {
            double a = values.get(k - 1).asDouble();
            double b = values.get(k).asDouble();
            if (ascending ? a > b : a < b) {
                return false;
            }
        }
        return true;
    }
}
