package dev.costagent.llm.narrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts a model's text only when every number in it is a fact.
 *
 * <p>A number in the text matches when it equals a numeric fact (sign ignored) within the rounding its own digits
 * show ({@code 1,234.6} may stand for 1234.56; {@code 1.2k} for 1234; {@code 25.3%} for a ratio of 0.2531 or a fact
 * of 25.3), when it equals the size of a list or map among the facts, or when the same digits appear inside a string
 * fact (a date in the subject, a number in a resource name). Digits glued to letters ({@code EC2}, {@code gp3},
 * {@code ACCOUNT_ID_1}) are names, not numbers, and are not checked.
 */
final class FactChecker {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?"
                    + "(?:\\s?(%|percent|k|K|M|B|bn|thousand|million|billion)(?![\\p{L}\\p{N}_]))?"
                    + "(?![\\p{L}\\p{N}_])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DECIMALS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final double MAX_RELATIVE_ROUNDING = 0.05;
    private static final int MAX_LENGTH = 2000;

    private final double[] numbers;
    private final Set<String> literals;
    private final String fenceTag;

    /** A checker for the prompt's document ({@code subject}, {@code topic}, {@code facts}) as sent to the model. */
    FactChecker(JsonNode document, String fenceTag) {
        List<Double> found = new ArrayList<>();
        this.literals = new HashSet<>();
        collectLiterals(document.path("subject").asText(""), literals);
        collectLiterals(document.path("topic").asText(""), literals);
        for (Map.Entry<String, JsonNode> fact : document.path("facts").properties()) {
            collectLiterals(fact.getKey(), literals);
            collect(fact.getValue(), found, literals);
        }
        this.numbers = found.stream().mapToDouble(Double::doubleValue).toArray();
        this.fenceTag = fenceTag;
    }

    /** Why {@code text} is not acceptable, or empty when it is. */
    Optional<String> problem(String text) {
        if (text.isBlank()) {
            return Optional.of("empty answer");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("answer longer than " + MAX_LENGTH + " characters");
        }
        if (text.contains(fenceTag) || text.contains("<facts-")) {
            return Optional.of("answer echoes the facts fence");
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            if (!matches(number)) {
                return Optional.of("number '" + number.group().strip() + "' is not one of the facts");
            }
        }
        return Optional.empty();
    }

    private boolean matches(Matcher number) {
        String integerPart = number.group(1).replace(",", "");
        String fraction = number.group(2);
        String suffix = number.group(3);
        if (suffix == null && literals.contains(fraction == null ? integerPart : integerPart + "." + fraction)) {
            return true;
        }
        double value = Double.parseDouble(fraction == null ? integerPart : integerPart + "." + fraction);
        double scale = scale(suffix);
        double shown = value * scale;
        double tolerance = tolerance(integerPart, fraction) * scale;
        boolean percent = "%".equals(suffix) || "percent".equals(suffix);
        for (double fact : numbers) {
            double magnitude = Math.abs(fact);
            if (Math.abs(shown - magnitude) <= tolerance + 1e-9 * magnitude) {
                return true;
            }
            if (percent && Math.abs(shown / 100 - magnitude) <= tolerance / 100 + 1e-12) {
                return true;
            }
        }
        return false;
    }

    /** Half a unit of the last digit shown; trailing zeros of a whole number count as rounding, up to 5%. */
    private static double tolerance(String integerPart, String fraction) {
        if (fraction != null) {
            return 0.5 * Math.pow(10, -fraction.length());
        }
        int trailingZeros = 0;
        for (int i = integerPart.length() - 1; i > 0 && integerPart.charAt(i) == '0'; i--) {
            trailingZeros++;
        }
        double rounding = 0.5 * Math.pow(10, trailingZeros);
        return trailingZeros == 0 ? rounding
                : Math.max(0.5, Math.min(rounding, MAX_RELATIVE_ROUNDING * Double.parseDouble(integerPart)));
    }

    private static double scale(String suffix) {
        if (suffix == null) {
            return 1;
        }
        return switch (suffix) {
            case "k", "K", "thousand" -> 1e3;
            case "M", "million" -> 1e6;
            case "B", "bn", "billion" -> 1e9;
            default -> 1;
        };
    }

    private static void collect(JsonNode node, List<Double> numbers, Set<String> literals) {
        if (node.isNumber()) {
            numbers.add(node.asDouble());
        } else if (node.isTextual()) {
            collectLiterals(node.asText(), literals);
        } else if (node.isArray()) {
            numbers.add((double) node.size());
            for (JsonNode element : node) {
                collect(element, numbers, literals);
            }
        } else if (node.isObject()) {
            numbers.add((double) node.size());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectLiterals(field.getKey(), literals);
                collect(field.getValue(), numbers, literals);
            }
        }
    }

    /** Digits inside a string ({@code 2024-09-18} gives 2024, 09 and 18). */
    private static void collectLiterals(String text, Set<String> literals) {
        Matcher decimals = DECIMALS.matcher(text);
        while (decimals.find()) {
            literals.add(decimals.group());
            Matcher parts = DIGITS.matcher(decimals.group());
            while (parts.find()) {
                literals.add(parts.group());
            }
        }
    }
}
