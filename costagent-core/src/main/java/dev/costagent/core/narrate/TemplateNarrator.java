package dev.costagent.core.narrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The default narrator: deterministic sentences from the facts, no network. The same facts always give the same text,
 * and every number in the text is a fact, rounded for reading (money to cents, ratios to one decimal).
 */
public final class TemplateNarrator implements Narrator {

    @Override
    public Narrative narrate(Facts facts) {
        return new Narrative(facts.subject(), render(facts), NarrativeSource.TEMPLATE);
    }

    @Override
    public String name() {
        return "template";
    }

    private static String render(Facts facts) {
        StringBuilder text = new StringBuilder();
        text.append(capitalize(facts.topic())).append(" for ").append(facts.subject()).append(": ");
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
