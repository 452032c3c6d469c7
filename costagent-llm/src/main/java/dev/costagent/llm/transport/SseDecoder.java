package dev.costagent.llm.transport;

import java.util.function.BiConsumer;

/**
 * Assembles server-sent events from lines: {@code event:} and {@code data:} fields, a blank line ends an event,
 * lines starting with {@code :} are comments. An event left unfinished when the body ends is dropped, as the SSE
 * specification says.
 */
public final class SseDecoder {

    private final BiConsumer<String, String> onEvent;
    private String eventName = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Delivers each complete event as (event name, data) to {@code onEvent}; the name is empty when absent. */
    public SseDecoder(BiConsumer<String, String> onEvent) {
        this.onEvent = onEvent;
    }

    /** Consumes one line. */
    public void onLine(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            eventName = value;
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }

    private void dispatch() {
        if (hasData) {
            onEvent.accept(eventName, data.toString());
        }
        eventName = "";
        data.setLength(0);
        hasData = false;
    }
}
