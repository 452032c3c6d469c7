package dev.costagent.core.analysis.utilization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads utilization samples from CSV, in either of two shapes, told apart by the header:
 * <ul>
 *   <li>{@code timestamp,value}: one metric of one resource, as CloudWatch exports it; the resource id is the file
 *       name without {@code .csv};</li>
 *   <li>{@code ResourceId,Timestamp,Metric,Value} (any column order): many resources and metrics, Metric one of
 *       {@code cpu}, {@code memory}, {@code network_in}, {@code network_out}.</li>
 * </ul>
 * Timestamps are ISO 8601 ({@code 2014-02-14T14:30:00Z}, with an offset, or without a zone as UTC) or
 * {@code 2014-02-14 14:30:00} (UTC). A bad line fails with a one-line {@link IllegalArgumentException} naming the
 * file, the line and the reason.
 */
public final class UtilizationReader {

    /** The metric names the long format accepts. */
    public static final Set<String> METRICS = Set.of("cpu", "memory", "network_in", "network_out");

    private UtilizationReader() {}

    /** Reads a file of either shape: every (resource, metric) series in it, in order of first appearance. */
    public static List<UtilizationSeries> read(Path file) {
        return read(file, "cpu");
    }

    /**
     * Reads a file of either shape; a {@code timestamp,value} file is taken as the given metric of the resource
     * named after the file.
     */
    public static List<UtilizationSeries> read(Path file, String metricOfTwoColumnFile) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header 'timestamp,value' or "
                        + "'ResourceId,Timestamp,Metric,Value'");
            }
            String[] names = split(stripBom(header));
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.put(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            if (index.containsKey("resourceid")) {
                return readLong(file, in, index);
            }
            if (index.containsKey("timestamp") && index.containsKey("value") && names.length == 2) {
                return List.of(readTwoColumns(file, in, index, resourceIdOf(file), metricOfTwoColumnFile));
            }
            throw new IllegalArgumentException(file + ":1: unrecognised header '" + header
                    + "', expected 'timestamp,value' or 'ResourceId,Timestamp,Metric,Value'");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The CPU series of a {@code timestamp,value} file (or the only cpu series of a long-format file). */
    public static UtilizationSeries readCpu(Path file) {
        List<UtilizationSeries> all =
                read(file, "cpu").stream().filter(s -> s.metric().equals("cpu")).toList();
        if (all.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one cpu series, found " + all.size());
        }
        return all.get(0);
    }

    private static UtilizationSeries readTwoColumns(
            Path file, BufferedReader in, Map<String, Integer> index, String resourceId, String metric)
            throws IOException {
        int tCol = index.get("timestamp");
        int vCol = index.get("value");
        Samples samples = new Samples();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            if (f.length != 2) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected 2 fields, found " + f.length);
            }
            samples.add(parseTime(file, lineNo, f[tCol]), parseValue(file, lineNo, f[vCol]));
        }
        return samples.toSeries(resourceId, metric);
    }

    private static List<UtilizationSeries> readLong(Path file, BufferedReader in, Map<String, Integer> index)
            throws IOException {
        for (String required : List.of("resourceid", "timestamp", "metric", "value")) {
            if (!index.containsKey(required)) {
                throw new IllegalArgumentException(file + ":1: missing column " + required
                        + " (long format is ResourceId,Timestamp,Metric,Value)");
            }
        }
        int rCol = index.get("resourceid");
        int tCol = index.get("timestamp");
        int mCol = index.get("metric");
        int vCol = index.get("value");
        Map<String, Samples> byKey = new LinkedHashMap<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            if (f.length != index.size()) {
                throw new IllegalArgumentException(
                        file + ":" + lineNo + ": expected " + index.size() + " fields, found " + f.length);
            }
            String resource = f[rCol].trim();
            if (resource.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": empty ResourceId");
            }
            String metric = f[mCol].trim().toLowerCase(Locale.ROOT);
            if (!METRICS.contains(metric)) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": unknown Metric '" + f[mCol]
                        + "', expected one of cpu, memory, network_in, network_out");
            }
            byKey.computeIfAbsent(resource + '\u0000' + metric, k -> new Samples())
                    .add(parseTime(file, lineNo, f[tCol]), parseValue(file, lineNo, f[vCol]));
        }
        List<UtilizationSeries> out = new ArrayList<>();
        byKey.forEach((key, samples) -> {
            int cut = key.indexOf('\u0000');
            out.add(samples.toSeries(key.substring(0, cut), key.substring(cut + 1)));
        });
        return out;
    }

    static long parseTime(Path file, int lineNo, String text) {
        String t = unquote(text);
        try {
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(Locale.ROOT).replace(' ', 'T'))
                        .getEpochSecond();
            }
            String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
            if (iso.length() > 19 && (iso.indexOf('+', 19) > 0 || iso.indexOf('-', 19) > 0)) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": unparsable timestamp '" + t
                    + "', expected ISO 8601 or 'YYYY-MM-DD HH:MM:SS'");
        }
    }

    private static double parseValue(Path file, int lineNo, String text) {
        String t = unquote(text);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": unparsable value '" + t + "'");
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static String unquote(String field) {
        String t = field.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String resourceIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /** Growable primitive buffers, so a 4,000-sample series costs two arrays, not 8,000 boxes. */
    private static final class Samples {
        private long[] times = new long[256];
        private double[] values = new double[256];
        private int size;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = value;
            size++;
        }

        UtilizationSeries toSeries(String resourceId, String metric) {
            return new UtilizationSeries(resourceId, metric, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
