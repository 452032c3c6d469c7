package dev.costagent.core.report;

import dev.costagent.core.agent.Report;

/** Renders reports in any {@link ReportFormat}. Stateless and thread-safe. */
public final class ReportWriter {

    private ReportWriter() {}

    /** The report in a format. */
    public static String render(Report report, ReportFormat format) {
        switch (format) {
            case JSON:
                return ReportJson.write(report);
            case MARKDOWN:
                return MarkdownReport.render(report);
            case HTML:
                return HtmlReport.render(report);
            default:
                throw new IllegalArgumentException("unsupported format " + format);
        }
    }
}
