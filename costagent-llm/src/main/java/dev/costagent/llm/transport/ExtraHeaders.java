package dev.costagent.llm.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Headers added to every request, such as {@code OpenAI-Organization}, {@code OpenAI-Project} or a gateway's own
 * authentication header. Values may be secrets, so {@link #toString()} shows the names only.
 */
public final class ExtraHeaders {

    /** No extra headers. */
    public static final ExtraHeaders NONE = new ExtraHeaders(Map.of());

    private static final Set<String> FORBIDDEN =
            Set.of("host", "content-length", "content-type", "connection", "expect", "upgrade", "transfer-encoding");

    private final Map<String, String> values;

    private ExtraHeaders(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Checked headers; names the transport controls itself ({@code Host}, {@code Content-Type}, ...) are refused. */
    public static ExtraHeaders of(Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException("extra header name is not a valid HTTP token: '" + name + "'");
            }
            if (FORBIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("extra header " + name + " is set by the client itself");
            }
            String value = header.getValue();
            if (value == null || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException("extra header " + name + " has an empty or unprintable value");
            }
        }
        return headers.isEmpty() ? NONE : new ExtraHeaders(headers);
    }

    /**
     * Parses {@code Name=value} pairs separated by {@code ;} or new lines, e.g.
     * {@code OpenAI-Organization=org-1; X-Gateway-Key=abc} (the value is everything after the first {@code =}).
     */
    public static ExtraHeaders parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("[;\\n]")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("extra header must be Name=value, was '"
                            + pair.strip().replaceAll("=.*", "") + "'");
                }
                headers.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
        return of(headers);
    }

    /** These headers plus {@code name: value}. */
    public ExtraHeaders with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return of(more);
    }

    /** The headers, in order. */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtraHeaders headers && headers.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The names only: values may be secrets. */
    @Override
    public String toString() {
        return "ExtraHeaders" + values.keySet();
    }
}
