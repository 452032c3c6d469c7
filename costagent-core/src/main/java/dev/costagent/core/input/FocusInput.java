package dev.costagent.core.input;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.FocusReader;
import dev.costagent.core.focus.InputProfile;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.RecordSink;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.parquet.ParquetReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads FOCUS input, CSV or Parquet: a {@code .csv}, {@code .csv.gz} or {@code .parquet} file, or a directory of
 * files of one format. A file is Parquet when its name ends in {@code .parquet} or it starts with the {@code PAR1}
 * magic; a directory holding both formats is an error naming both.
 *
 * <pre>{@code
 * ReadResult<MySink> read = FocusInput.read(Path.of("exports/"), ReadOptions.DEFAULTS, MySink::new, null,
 *         FocusInput.Columns.ALL);
 * }</pre>
 */
public final class FocusInput {

    private FocusInput() {}

    /**
     * Which columns a read decodes, and which of them the sinks read only as numbers or timestamps (Parquet hands
     * those over unformatted). CSV reads ignore it: every field is text already.
     *
     * @param read the columns to decode (others may be skipped)
     * @param numeric the columns whose text no sink needs
     * @param checkedOnly the columns no sink reads, decoded only for the read's own checks (allowed values); see
     *     {@link ParquetReader#checkedOnly}
     */
    public record Columns(Predicate<String> read, Predicate<String> numeric, Predicate<String> checkedOnly) {
        /** Every column, each with its text. */
        public static final Columns ALL = new Columns(column -> true, column -> false);

        /** Columns that sinks read, all of them. */
        public Columns(Predicate<String> read, Predicate<String> numeric) {
            this(read, numeric, column -> false);
        }
    }

    /** The format of an input. */
    public enum Format {
        /** FOCUS CSV, plain or gzipped. */
        CSV,
        /** Apache Parquet. */
        PARQUET
    }

    /**
     * The files at a path, sorted by name: the file itself, or the FOCUS files directly in a directory.
     *
     * @throws FocusFormatException when the path does not exist, a directory holds no FOCUS file, or holds both CSV
     *     and Parquet files
     */
    public static List<Path> files(Path input) {
        if (!Files.isDirectory(input)) {
            if (!Files.isRegularFile(input)) {
                throw new FocusFormatException(input.toString(), 0, null, "no such file or directory");
            }
            return List.of(input);
        }
        List<Path> csv = new ArrayList<>();
        List<Path> parquet = new ArrayList<>();
        try (Stream<Path> listing = Files.list(input)) {
            listing.filter(Files::isRegularFile).sorted().forEach(file -> {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".parquet")) {
                    parquet.add(file);
                } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                    csv.add(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
        }
        if (!csv.isEmpty() && !parquet.isEmpty()) {
            throw new FocusFormatException(
                    input.toString(),
                    0,
                    null,
                    "directory mixes " + csv.size()
                            + " CSV file(s) (e.g. " + csv.get(0).getFileName() + ") and " + parquet.size()
                            + " Parquet file(s) (e.g. " + parquet.get(0).getFileName()
                            + "); keep one format per directory");
        }
        if (csv.isEmpty() && parquet.isEmpty()) {
            throw new FocusFormatException(
                    input.toString(), 0, null, "directory holds no .csv, .csv.gz or .parquet file");
        }
        return csv.isEmpty() ? parquet : csv;
    }

    /**
     * A version of some files for caches (a source's {@code version()}): each file's path, size and modification
     * time, so that it changes when a file is added, removed, rewritten or touched.
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    public static String version(List<Path> files) {
        StringBuilder version = new StringBuilder();
        try {
            for (Path file : files) {
                version.append(file)
                        .append(':')
                        .append(Files.size(file))
                        .append(':')
                        .append(Files.getLastModifiedTime(file).toMillis())
                        .append(';');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        }
        return version.toString();
    }

    /**
     * The format of a file: Parquet when its name ends in {@code .parquet} or it starts with the {@code PAR1} magic
     * (a Parquet export saved under another name), else CSV.
     */
    public static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (name.endsWith(".gz")) {
            return Format.CSV;
        }
        return ParquetReader.isParquet(file) ? Format.PARQUET : Format.CSV;
    }

    /**
     * Reads every record of a file or directory.
     *
     * @param consumer when not {@code null}, takes each sink in file order as soon as it is verified (the result then
     *     holds no sinks)
     * @param columns the columns to decode (Parquet reads skip the others)
     * @throws FocusFormatException for bad input (strict), or input that is neither FOCUS CSV nor FOCUS Parquet
     */
    public static <S extends RecordSink> ReadResult<S> read(
            Path input,
            ReadOptions options,
            RecordSink.SinkFactory<S> factory,
            Consumer<? super S> consumer,
            Columns columns) {
        List<Path> files = files(input);
        if (format(files.get(0)) == Format.CSV) {
            return new FocusReader(options).read(input, factory, consumer);
        }
        ParquetReader reader = new ParquetReader(options)
                .project(columns.read())
                .numeric(columns.numeric())
                .checkedOnly(columns.checkedOnly());
        List<ReadResult<S>> results = new ArrayList<>();
        for (Path file : files) {
            ReadResult<S> result = reader.read(file, factory);
            if (consumer != null) {
                result.sinks().forEach(consumer);
                result = new ReadResult<>(
                        List.of(),
                        result.accepted(),
                        result.rejected(),
                        result.rejects(),
                        result.dataQuality(),
                        result.profile()); // the FOCUS version and granularity stay with the counts
            }
            results.add(result);
        }
        return results.size() == 1 ? results.get(0) : merge(results, options.maxRejectDetails());
    }

    /**
     * One result for several files: sinks in file order, counts added, findings of the same rule and column added,
     * profiles joined (the newest version; per provider, the files' granularities joined).
     */
    private static <S extends RecordSink> ReadResult<S> merge(List<ReadResult<S>> results, int maxRejectDetails) {
        List<S> sinks = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        Map<List<String>, DataQualityIssue> issues = new LinkedHashMap<>();
        long accepted = 0;
        long rejected = 0;
        InputProfile profile = null;
        for (ReadResult<S> result : results) {
            profile = profile == null ? result.profile() : profile.and(result.profile());
            sinks.addAll(result.sinks());
            accepted += result.accepted();
            rejected += result.rejected();
            for (RejectedRecord reject : result.rejects()) {
                if (rejects.size() < maxRejectDetails) {
                    rejects.add(reject);
                }
            }
            for (DataQualityIssue issue : result.dataQuality()) {
                issues.merge(
                        List.of(issue.rule(), String.valueOf(issue.column())),
                        issue,
                        (a, b) -> new DataQualityIssue(
                                a.rule(), a.column(), a.rowsAffected() + b.rowsAffected(), a.detail()));
            }
        }
        return new ReadResult<>(
                sinks,
                accepted,
                rejected,
                rejects,
                new ArrayList<>(issues.values()),
                profile == null ? InputProfile.EMPTY : profile);
    }
}
