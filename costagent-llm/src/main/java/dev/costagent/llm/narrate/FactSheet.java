package dev.costagent.llm.narrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The facts of one narration, sorted for checking and rendering: numeric {@link Figure}s with kind and label, the
 * dates, the strings (ids, names, tag values) whose digits are never figures, and the billing currency.
 *
 * <p>Built once per narration from the document sent to the model, so that placeholders of redacted ids are what
 * the model saw.
 */
final class FactSheet {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final Map<String, String> SYMBOLS =
            Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "INR", "₹");

    private static final ThreadLocal<DecimalFormat> FIXED =
            ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    private static final ThreadLocal<DecimalFormat> FREE = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<String> literals = new ArrayList<>();
    private final String currency;

    /**
     * The sheet of {@code document} ({@code subject}, {@code topic}, {@code facts}); {@code currency} is the billing
     * currency when the facts do not name one, or {@code null} when unknown.
     */
    FactSheet(JsonNode document, String currency) {
        addLiteral(document.path("subject").asText(""));
        addLiteral(document.path("topic").asText(""));
        for (Map.Entry<String, JsonNode> fact : document.path("facts").properties()) {
            collect(fact.getKey(), fact.getValue());
        }
        String named = texts.get("currency");
        this.currency = named != null && named.matches("[A-Z]{3}") ? named : currency;
        literals.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** The numeric facts, by name. */
    Map<String, Figure> figures() {
        return figures;
    }

    /** The string facts, by name (what a slot such as {@code {action}} renders as). */
    Map<String, String> texts() {
        return texts;
    }

    /** The dates among the facts. */
    List<LocalDate> dates() {
        return dates;
    }

    /** Strings with digits (ids, names, tag values, the subject), longest first. */
    List<String> literals() {
        return literals;
    }

    /** The billing currency (ISO code), or {@code null} when unknown. */
    String currency() {
        return currency;
    }

    /** The reader's form of a figure, from the fact alone; {@code signed} keeps a change's sign. */
    String render(Figure figure, boolean signed) {
        double value = signed ? figure.value() : Math.abs(figure.value());
        return switch (figure.kind()) {
            case MONEY -> money(value);
            case RATIO -> decimal(value * 100, 1) + "%";
            case PERCENT -> decimal(value, 1) + "%";
            case COUNT -> decimal(value, 0);
            case SCALAR -> decimal(value, 2);
        };
    }

    private String money(double value) {
        String amount = decimal(Math.abs(value), 2, true);
        String sign = value < 0 ? "-" : "";
        if (currency == null) {
            return sign + amount;
        }
        String symbol = SYMBOLS.get(currency);
        return symbol == null ? sign + amount + " " + currency : sign + symbol + amount;
    }

    private static String decimal(double value, int decimals) {
        return decimal(value, decimals, false);
    }

    private static String decimal(double value, int decimals, boolean fixed) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
        DecimalFormat format = (fixed ? FIXED : FREE).get();
        return format.format(fixed || rounded.scale() <= 0 ? rounded : rounded.stripTrailingZeros());
    }

    private void collect(String name, JsonNode node) {
        if (node.isNumber()) {
            figures.put(name, Figure.of(name, node.asDouble(), node.isIntegralNumber()));
        } else if (node.isTextual()) {
            String text = node.asText();
            texts.put(name, text);
            if (ISO_DATE.matcher(text).matches()) {
                try {
                    dates.add(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    // not a real date: an ordinary string
                }
            }
            addLiteral(text);
        } else if (node.isArray()) {
            figures.put(name + ".size", new Figure(name + ".size", Figure.Kind.COUNT, Figure.Label.NONE, node.size()));
            int index = 0;
            for (JsonNode element : node) {
                collect(name + "." + index++, element);
            }
        } else if (node.isObject()) {
            figures.put(name + ".size", new Figure(name + ".size", Figure.Kind.COUNT, Figure.Label.NONE, node.size()));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                addLiteral(field.getKey());
                collect(name + "." + field.getKey(), field.getValue());
            }
        }
    }

    private void addLiteral(String text) {
        String normalized = NarrativeText.normalize(text);
        if (normalized.length() >= 2 && HAS_DIGIT.matcher(normalized).matches() && !literals.contains(normalized)) {
            literals.add(normalized);
        }
    }
}
