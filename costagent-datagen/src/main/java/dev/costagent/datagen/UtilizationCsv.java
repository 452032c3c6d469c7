package dev.costagent.datagen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

/**
 * Writes utilization series in the two shapes costagent reads:
 * <ul>
 *   <li>long format, {@code ResourceId,Timestamp,Metric,Value}, one row per sample and metric ({@code cpu},
 *       {@code memory}), timestamps ISO 8601 UTC;</li>
 *   <li>CloudWatch export shape, {@code timestamp,value} for one resource's CPU, timestamps
 *       {@code 2014-02-14 14:30:00} (UTC), as in the real series under {@code shared/data/cloudwatch}.</li>
 * </ul>
 * Values have three decimals. Resource ids containing a comma, quote or newline are quoted per RFC 4180.
 */
public final class UtilizationCsv {

    private UtilizationCsv() {}

    /** Writes series in long format. */
    public static void writeLong(Path path, Collection<UtilizationSeries> series) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writeLong(out, series);
        }
    }

    /** Writes series in long format to a writer (not closed). */
    public static void writeLong(Writer out, Collection<UtilizationSeries> series) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        StringBuilder line = new StringBuilder(96);
        w.write("ResourceId,Timestamp,Metric,Value\n");
        String[] times = new String[0];
        Instant timesStart = null;
        int timesStep = 0;
        for (UtilizationSeries s : series) {
            String id = quoted(s.resourceId());
            boolean withMemory = s.memory() != null;
            // Series of one fleet share their clock: format each timestamp once.
            if (!s.start().equals(timesStart) || s.stepSeconds() != timesStep || times.length < s.samples()) {
                times = new String[s.samples()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = s.timestamp(i).toString();
                }
                timesStart = s.start();
                timesStep = s.stepSeconds();
            }
            for (int i = 0; i < s.samples(); i++) {
                String time = times[i];
                line.setLength(0);
                line.append(id).append(',').append(time).append(",cpu,");
                appendValue(line, s.cpuAt(i));
                line.append('\n');
                if (withMemory) {
                    line.append(id).append(',').append(time).append(",memory,");
                    appendValue(line, s.memoryAt(i));
                    line.append('\n');
                }
                w.append(line);
            }
        }
        w.flush();
    }

    /** Writes one resource's CPU in the CloudWatch export shape. */
    public static void writeCloudWatch(Path path, UtilizationSeries series) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(48);
            out.write("timestamp,value\n");
            for (int i = 0; i < series.samples(); i++) {
                line.setLength(0);
                line.append(cloudWatchTime(series.timestamp(i))).append(',');
                appendValue(line, series.cpuAt(i));
                line.append('\n');
                out.append(line);
            }
        }
    }

    /** {@code 2014-02-14 14:30:00} for an instant on a whole second. */
    static String cloudWatchTime(Instant instant) {
        String iso = instant.toString(); // 2014-02-14T14:30:00Z (seconds always present)
        return iso.substring(0, 10) + ' ' + iso.substring(11, 19);
    }

    /** Appends a value with exactly three decimals, without String.format. */
    static void appendValue(StringBuilder line, float value) {
        long thousandths = Math.round(value * 1000.0);
        if (thousandths < 0) {
            line.append('-');
            thousandths = -thousandths;
        }
        line.append(thousandths / 1000).append('.');
        long fraction = thousandths % 1000;
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction);
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
