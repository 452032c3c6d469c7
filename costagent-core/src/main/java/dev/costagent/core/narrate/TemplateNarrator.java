package dev.costagent.core.narrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default narrator: deterministic sentences from the facts, no network. The same facts always give the same text,
 * and every number in the text is a fact, rounded for reading (at most two decimals).
 *
 * <p>Known topics ({@code summary}, {@code forecast}, {@code anomaly}, {@code recommendation}) have sentence templates;
 * the optional parts of a template are dropped when their facts are absent. Any other topic, or facts a template
 * cannot use, are listed as "name value" pairs.
 */
public final class TemplateNarrator implements Narrator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** Per topic: sentences, each rendered only when all its placeholders have facts. */
    private static final Map<String, List<String>> TEMPLATES = Map.of(
            "summary",
                    List.of(
                            "From {firstDay} to {lastDay}, {rows} billing rows cost {totalCost} {currency} ({totalMetric}, "
                                    + "{totalScope}).",
                            "Usage alone cost {usageCost} {currency} ({usageMetric}, {usageScope}); the difference of "
                                    + "{otherCharges} {currency} is credits, adjustments, tax and purchases.",
                            "{recommendations} recommendations ({quickWins} quick wins) would save {monthlySavings} "
                                    + "{currency} a month, {annualSavings} {currency} a year."),
            "forecast",
                    List.of(
                            "Data quality: the last day, {partialDay}, looks partial (about {partialCompleteness} % of a "
                                    + "complete day); it is left out of the anomaly scan and the forecast's fit.",
                            "Month to date ({metric}, {scope}): {monthToDate} {currency}.",
                            "The month is forecast to end at {endOfMonth} {currency} (80% interval {lower80} to {upper80}).",
                            "The data ends on the month's last day, so the next {horizonDays} days to {horizonEnd} are "
                                    + "forecast instead: {nextDaysTotal} {currency} (80% interval {nextLower80} to "
                                    + "{nextUpper80}).",
                            "The next {horizonDaysAfterMonth} days to {horizonEnd}, as charted: {nextDaysTotal} {currency} "
                                    + "(80% interval {nextLower80} to {nextUpper80}).",
                            "The invoice ({invoiceMetric}, {invoiceScope}) is forecast at {invoiceNextDaysTotal} {currency} "
                                    + "for the same days (80% interval {invoiceLower80} to {invoiceUpper80}).",
                            "Method: {method}."),
            "anomaly",
                    List.of(
                            "From {date} to {lastDate} the cost was {actual} {currency} against {expected} {currency} "
                                    + "expected: a {kind} of {impact} {currency} ({severity} severity).",
                            "On {day} the cost was {actual} {currency} against {expected} {currency} expected: a {kind} of "
                                    + "{impact} {currency} ({severity} severity).",
                            "The largest contributor was {topRootCause} with {topRootCauseContribution} {currency}.",
                            "Also seen in {seenIn}."),
            "recommendation",
                    List.of(
                            "{action}.",
                            "It saves {monthlySavings} {currency} a month, {annualSavings} {currency} a year (confidence "
                                    + "{confidence}, {risk} risk).",
                            "How: {formula}."));

    @Override
    public Narrative narrate(Facts facts) {
        return new Narrative(facts.subject(), render(facts), NarrativeSource.TEMPLATE);
    }

    @Override
    public String name() {
        return "template";
    }

    private static String render(Facts facts) {
        List<String> templates = TEMPLATES.get(facts.topic());
        if (templates != null) {
            StringBuilder text = new StringBuilder();
            for (String template : templates) {
                String sentence = fill(template, facts.values());
                if (sentence != null) {
                    text.append(text.length() == 0 ? "" : " ").append(sentence);
                }
            }
            if (text.length() > 0) {
                return text.toString();
            }
        }
        return generic(facts);
    }

    /** The template with every placeholder filled, or {@code null} when a fact is missing. */
    private static String fill(String template, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(format(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String generic(Facts facts) {
        StringBuilder text = new StringBuilder();
        text.append(capitalize(facts.topic()))
                .append(" for ")
                .append(facts.subject())
                .append(": ");
        boolean first = true;
        for (Map.Entry<String, Object> fact : facts.values().entrySet()) {
            if (!first) {
                text.append("; ");
            }
            first = false;
            text.append(humanize(fact.getKey())).append(' ').append(format(fact.getValue()));
        }
        return text.append('.').toString();
    }

    /** Formats a fact's value for reading: numbers with at most two decimals. */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_EVEN);
            return decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static String humanize(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append(' ');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
