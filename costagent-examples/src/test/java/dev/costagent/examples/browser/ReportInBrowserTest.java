package dev.costagent.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.costagent.examples.cli.CostagentCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTML reports (generated demo data and the real FOCUS sample) opened in a real headless Chromium at phone
 * (390 px), laptop (1,300 px) and wide (1,920 px) widths and laid out for print: no page overflow, nothing cut off,
 * every chart draws with hover values, no script error, sorting and filtering work. Screenshots go to
 * {@code target/browser/}. Skipped, saying why, only where no Chromium is installed ({@code .ci/run} installs
 * Debian's {@code chromium}); the real-sample cases skip where {@code ../shared/data} is absent.
 */
class ReportInBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static HeadlessChromium browser;
    private static Path demo;
    private static Path real;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        assumeTrue(
                binary.isPresent(),
                "no Chromium found (looked at -Dcostagent.chromium, $CHROMIUM, /usr/bin/"
                        + "chromium, chromium-browser, google-chrome): install Debian's chromium package (.ci/run does); "
                        + "browser test skipped");
        Files.createDirectories(OUT);
        demo = report("demo", List.of());
        browser = HeadlessChromium.start(binary.get());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Writes a report with the CLI, as a user would ({@code analyze --html}). */
    private static Path report(String name, List<String> input) throws IOException {
        Path html = OUT.resolve(name + ".html");
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--quiet", "--html", html.toString()));
        args.addAll(input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("costagent %s: %s", args, err).isZero();
        return html;
    }

    private static Optional<Path> realSample() {
        for (String base : new String[] {
            System.getProperty("costagent.sharedData"), "../shared/data", "../../shared/data", "../../../shared/data"
        }) {
            if (base != null && Files.isRegularFile(Path.of(base, "focus", "focus_sample.csv"))) {
                return Optional.of(Path.of(base, "focus", "focus_sample.csv"));
            }
        }
        return Optional.empty();
    }

    static Stream<Arguments> pages() {
        return Stream.of("demo", "real-sample")
                .flatMap(r -> Stream.of(
                        Arguments.of(r, 390, "screen"),
                        Arguments.of(r, 1300, "screen"),
                        Arguments.of(r, 1920, "screen"),
                        Arguments.of(r, 800, "print")));
    }

    @ParameterizedTest(name = "{0} at {1} px on {2}")
    @MethodSource("pages")
    void reportReadsInTheBrowser(String which, int width, String media) throws Exception {
        boolean print = media.equals("print");
        Path page = demo;
        if (which.equals("real-sample")) {
            Optional<Path> sample = realSample();
            assumeTrue(
                    sample.isPresent(),
                    "shared data file missing: ../shared/data/focus/focus_sample.csv "
                            + "(real-sample browser case skipped)");
            if (real == null) { // written once per run, by this build's code
                real = report("real-sample", List.of("--input", sample.get().toString()));
            }
            page = real;
        }
        List<String> problems = ReportPageCheck.check(
                browser,
                page.toAbsolutePath(),
                width,
                print,
                OUT.resolve(which + "-" + width + (print ? "-print" : "") + ".png"));
        assertThat(problems)
                .as("%s at %d px%s", which, width, print ? " (print)" : "")
                .isEmpty();
    }

    static Stream<Arguments> plants() {
        return Stream.of(
                Arguments.of(
                        "overflow",
                        "</main>",
                        "<div style=\"width:2400px\">planted wide block</div></main>",
                        "page overflow"),
                Arguments.of("empty chart", "<polyline class=\"actual\"", "<polyline class=\"actual\"", null),
                Arguments.of(
                        "script error",
                        "</body>",
                        "<script>window.plantedMissingFunction();</script></body>",
                        "script error"));
    }

    @ParameterizedTest(name = "a planted {0} fails the check")
    @MethodSource("plants")
    void aPlantedFaultFailsTheCheck(String fault, String anchor, String replacement, String expected) throws Exception {
        String html = Files.readString(demo, StandardCharsets.UTF_8);
        assertThat(html).contains(anchor);
        String planted = html.replace(anchor, replacement);
        if (fault.equals("empty chart")) {
            // nothing drawn in any chart: no lines, no points, no bars
            planted = planted.replaceAll("<polyline[^>]*/>", "")
                    .replaceAll("<circle class=\"point[^>]*>.*?</circle>", "")
                    .replaceAll("<rect class=\"bar\"[^>]*>.*?</rect>", "");
        }
        Path page = OUT.resolve("planted-" + fault.replace(' ', '-') + ".html");
        Files.writeString(page, planted, StandardCharsets.UTF_8);
        List<String> problems = ReportPageCheck.check(
                browser,
                page.toAbsolutePath(),
                1300,
                false,
                OUT.resolve("planted-" + fault.replace(' ', '-') + ".png"));
        assertThat(problems)
                .as("planted %s", fault)
                .anySatisfy(p -> assertThat(p).startsWith(expected != null ? expected : "empty chart"));
    }

    @Test
    void theBrowserIsTheDistributionsChromium() {
        assertThat(HeadlessChromium.find()).isPresent();
    }
}
