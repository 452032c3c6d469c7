package dev.costagent.llm.narrate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces account and resource ids by placeholders before a prompt leaves the machine, and puts them back in the
 * model's text. Recognized: ARNs, Azure resource paths, GUIDs (Azure subscriptions), 12-digit AWS account ids, and
 * AWS resource ids such as {@code i-0abc123def4567890}. The same id always gets the same placeholder within one
 * narration. Not thread-safe: one instance per narration.
 */
final class IdRedactor {

    private static final Pattern IDS = Pattern.compile("arn:aws[a-z-]*:[^\\s\"']+"
            + "|/subscriptions/[^\\s\"']+"
            + "|\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"
            + "|(?<![\\p{Alnum}])\\d{12}(?![\\p{Alnum}])"
            + "|\\b(?:i|vol|snap|sg|subnet|vpc|eni|ami|nat|igw|rtb|eipalloc|lt|db|cluster)-[0-9a-f]{8,17}\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("(ACCOUNT|RESOURCE)_ID_\\d+");

    private final Map<String, String> placeholderById = new LinkedHashMap<>();
    private final Map<String, String> idByPlaceholder = new LinkedHashMap<>();

    /** {@code text} with every recognized id replaced by its placeholder. */
    String redact(String text) {
        Matcher ids = IDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            String id = ids.group();
            String placeholder = placeholderById.computeIfAbsent(id, this::newPlaceholder);
            ids.appendReplacement(out, Matcher.quoteReplacement(placeholder));
        }
        ids.appendTail(out);
        return out.toString();
    }

    /** {@code text} with the placeholders this redactor made turned back into the ids. */
    String restore(String text) {
        if (idByPlaceholder.isEmpty()) {
            return text;
        }
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            String id = idByPlaceholder.getOrDefault(placeholders.group(), placeholders.group());
            placeholders.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    /** A placeholder in {@code text} that this redactor never made (the model invented an id), or {@code null}. */
    String unknownPlaceholder(String text) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!idByPlaceholder.containsKey(placeholders.group())) {
                return placeholders.group();
            }
        }
        return null;
    }

    private String newPlaceholder(String id) {
        boolean account = id.length() == 12 && id.chars().allMatch(Character::isDigit) || id.length() == 36;
        String placeholder = (account ? "ACCOUNT" : "RESOURCE") + "_ID_" + (placeholderById.size() + 1);
        idByPlaceholder.put(placeholder, id);
        return placeholder;
    }
}
