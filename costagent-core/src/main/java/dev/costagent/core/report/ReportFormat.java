package dev.costagent.core.report;

import java.util.Locale;

/** The formats a report renders to. */
public enum ReportFormat {
    /** The documented JSON schema. */
    JSON,
    /** GitHub-flavoured Markdown tables. */
    MARKDOWN,
    /** One self-contained HTML page with inline SVG charts. */
    HTML;

    /**
     * Parses {@code json}, {@code md}/{@code markdown} or {@code html}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ReportFormat parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "json":
                return JSON;
            case "md":
            case "markdown":
                return MARKDOWN;
            case "html":
                return HTML;
            default:
                throw new IllegalArgumentException("unknown report format '" + text + "'; expected json, md or html");
        }
    }
}
