package dev.costagent.core.parquet;

import com.google.common.base.Throwables;
import dev.costagent.core.focus.ColumnBatch;
import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadProgress;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.RecordSink;
import dev.costagent.core.focus.TypedInput;
import dev.costagent.core.focus.TypedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Reads a FOCUS Parquet file into {@link RecordSink}s, with the validation, rejects and data-quality report of a CSV
 * read. Row groups are decoded in parallel, one {@link TypedInput.Part} each, joined in file order. Typed values reach
 * the sinks typed: decimals (any precision and scale, rounded once to the nearest double), floats and integers as
 * numbers, timestamps (millis, micros, nanos, INT96, dates) as epoch seconds, strings as UTF-8 bytes from the
 * dictionary without decoding them per row. Pages may be Snappy, Gzip, Zstd or uncompressed, v1 or v2.
 *
 * <p>With {@link #project} only the named columns are decoded; of the others, only the nullness of the non-nullable
 * FOCUS columns is read (from the statistics where the writer gave them), so that the data-quality report stays the
 * same.
 *
 * <pre>{@code
 * ReadResult<MySink> read = new ParquetReader(ReadOptions.DEFAULTS).read(Path.of("focus.parquet"), MySink::new);
 * }</pre>
 */
public final class ParquetReader {

    /** Data-quality rule: a provider column stored nested was left out of the read. */
    public static final String SKIPPED_NESTED_COLUMN = "SKIPPED_NESTED_COLUMN";

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final Predicate<String> ALL = column -> true;
    private static final Predicate<String> NONE = column -> false;

    private final ReadOptions options;
    private final Predicate<String> projected;
    private final Predicate<String> numeric;
    private final Predicate<String> checkedOnly;

    /** A reader of every column, each given to the sinks with its text. */
    public ParquetReader(ReadOptions options) {
        this(options, ALL, NONE, NONE);
    }

    private ParquetReader(
            ReadOptions options,
            Predicate<String> projected,
            Predicate<String> numeric,
            Predicate<String> checkedOnly) {
        this.options = options;
        this.projected = projected;
        this.numeric = numeric;
        this.checkedOnly = checkedOnly;
    }

    /** A reader that decodes only the columns {@code columns} accepts (by name). */
    public ParquetReader project(Predicate<String> columns) {
        return new ParquetReader(options, columns, numeric, checkedOnly);
    }

    /**
     * A reader told which columns no sink reads, decoded only for the reader's own checks of FOCUS's allowed values:
     * a chunk of such a column whose values all come from a dictionary of allowed values is read for its nulls
     * only (the checks would find nothing else in it), as an unprojected non-nullable column is.
     */
    public ParquetReader checkedOnly(Predicate<String> columns) {
        return new ParquetReader(options, projected, numeric, columns);
    }

    /**
     * A reader told which columns the sinks read only as numbers or timestamps, never as text: their values are not
     * formatted unless asked (a sink that keeps a column as text needs it formatted at once; see {@link TypedRow}).
     */
    public ParquetReader numeric(Predicate<String> columns) {
        return new ParquetReader(options, projected, columns, checkedOnly);
    }

    /** Whether a file starts with Parquet's {@code PAR1} magic. */
    public static boolean isParquet(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // keep reading
            }
            return !head.hasRemaining() && Arrays.equals(head.array(), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads every record of a file.
     *
     * @param factory makes one sink per row group
     * @throws FocusFormatException for a file that is not Parquet, is truncated or corrupt, lacks FOCUS columns, or
     *     (strict mode) holds a bad record: naming the file, the row and the column
     * @throws UncheckedIOException when the file cannot be read
     */
    public <S extends RecordSink> ReadResult<S> read(Path file, RecordSink.SinkFactory<S> factory) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileMetadata metadata = footer(name, channel);
            return read(name, channel, metadata, factory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    static FileMetadata footer(String name, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 12) {
            throw new FocusFormatException(name, 0, null, "not a Parquet file (only " + size + " bytes)");
        }
        byte[] head = readFully(channel, 0, 4);
        byte[] tail = readFully(channel, size - 8, 8);
        if (!Arrays.equals(head, MAGIC)) {
            throw new FocusFormatException(name, 0, null, "not a Parquet file (no PAR1 magic at its start)");
        }
        if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
            throw new FocusFormatException(
                    name, 0, null, "truncated Parquet file (no PAR1 magic at its end; was the copy cut short?)");
        }
        long footerLength = ChunkDecoder.le32(tail, 0) & 0xffffffffL;
        if (footerLength > size - 12) {
            throw new FocusFormatException(
                    name,
                    0,
                    null,
                    "corrupt Parquet file (footer of " + footerLength + " bytes in a file of " + size + ")");
        }
        byte[] footer = readFully(channel, size - 8 - footerLength, (int) footerLength);
        try {
            FileMetadata metadata = FileMetadata.parse(footer);
            for (FileMetadata.RowGroup group : metadata.rowGroups()) {
                for (FileMetadata.Chunk chunk : group.chunks()) {
                    if (chunk.start() < 4
                            || chunk.length() < 0
                            || chunk.start() + chunk.length() > size - 8
                            || chunk.length() > Integer.MAX_VALUE) {
                        throw new ParquetException("column chunk at " + chunk.start() + " (" + chunk.length()
                                + " bytes) lies outside the file");
                    }
                }
                if (group.rows() > Integer.MAX_VALUE) {
                    throw new ParquetException("row group of " + group.rows() + " rows");
                }
            }
            return metadata;
        } catch (ParquetException e) {
            throw new FocusFormatException(name, 0, null, "corrupt Parquet footer: " + e.getMessage());
        }
    }

    private <S extends RecordSink> ReadResult<S> read(
            String name, FileChannel channel, FileMetadata metadata, RecordSink.SinkFactory<S> factory) {
        List<FileMetadata.Column> columns = metadata.columns();
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] fieldOf = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            FileMetadata.Column column = columns.get(c);
            fieldOf[c] = -1;
            if (column.unsupported() != null) {
                // Provider columns we cannot flatten are left out; a FOCUS column must not be.
                if (FocusColumn.byName(column.name()).isPresent()) {
                    throw new FocusFormatException(name, 0, column.name(), column.unsupported());
                }
                if (!skipped.contains(column.name())) {
                    skipped.add(column.name());
                }
                continue;
            }
            fieldOf[c] = names.size();
            names.add(column.name());
        }
        boolean[] eagerText = new boolean[names.size()];
        for (int f = 0; f < names.size(); f++) {
            eagerText[f] = !numeric.test(names.get(f));
        }
        TypedInput<S> input = TypedInput.of(name, names, options, factory, eagerText);
        checkHeader(name, input);
        if (metadata.rows() == 0) {
            throw new FocusFormatException(name, 0, null, "the file has no data records");
        }
        Plan plan = plan(columns, fieldOf, names.size());
        List<FileMetadata.RowGroup> groups = metadata.rowGroups();
        ExecutorService pool = options.threads() > 1 && groups.size() > 1
                ? Executors.newFixedThreadPool(Math.min(options.threads(), groups.size()), daemon())
                : null;
        Progress progress = new Progress(options.progress(), metadata.rows());
        // Each job decodes into a set of column arrays a finished job handed back: one set per thread for the read.
        Queue<ColumnValues[]> buffers = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            long firstRow = 1;
            for (FileMetadata.RowGroup group : groups) {
                TypedInput.Part<S> part = input.part(firstRow);
                long first = firstRow;
                Runnable job =
                        () -> buffers.add(readGroup(name, channel, group, plan, part, first, progress, buffers.poll()));
                if (pool == null) {
                    job.run();
                } else {
                    jobs.add(pool.submit(job));
                }
                firstRow += group.rows();
            }
            for (Future<?> job : jobs) {
                await(job);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return withSkipped(input.finish(), skipped, metadata.rows());
    }

    /** Reports the provider columns left out (nested ones) in the data-quality findings, so none goes unnoticed. */
    private static <S extends RecordSink> ReadResult<S> withSkipped(
            ReadResult<S> result, List<String> skipped, long rows) {
        if (skipped.isEmpty()) {
            return result;
        }
        List<DataQualityIssue> issues = new ArrayList<>(result.dataQuality());
        for (String column : skipped) {
            issues.add(new DataQualityIssue(
                    SKIPPED_NESTED_COLUMN,
                    column,
                    rows,
                    "nested Parquet column (list, map or struct) not read; FOCUS columns are flat"));
        }
        return new ReadResult<>(
                result.sinks(), result.accepted(), result.rejected(), result.rejects(), issues, result.profile());
    }

    /** The same header checks as a CSV file's. */
    private void checkHeader(String name, TypedInput<?> input) {
        var header = input.header();
        if (header.knownColumns().isEmpty()) {
            throw new FocusFormatException(
                    name,
                    0,
                    null,
                    "no FOCUS column in the Parquet schema (first column: '"
                            + (header.names().isEmpty() ? "" : header.names().get(0)) + "'); is this a FOCUS export?");
        }
        if (!options.lenient() && !header.missingMandatory().isEmpty()) {
            throw header.missingMandatoryError(name, 0, "mandatory FOCUS column missing from the Parquet schema");
        }
    }

    /** Which column chunks to decode, and how. */
    /**
     * @param allowed per chosen column, the values it allows when it is {@link #checkedOnly} (else {@code null})
     */
    private record Plan(
            List<FileMetadata.Column> columns,
            int fields,
            int[] chunkIndex,
            int[] field,
            int[] kind,
            List<List<byte[]>> allowed,
            boolean[] nullable) {}

    private Plan plan(List<FileMetadata.Column> columns, int[] fieldOf, int fieldCount) {
        List<int[]> chosen = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            FileMetadata.Column column = columns.get(c);
            if (fieldOf[c] < 0) {
                continue;
            }
            if (projected.test(column.name())) {
                chosen.add(new int[] {c, fieldOf[c], ChunkDecoder.kindOf(column, numeric.test(column.name()))});
            } else {
                var focus = FocusColumn.byName(column.name());
                if (focus.isPresent() && !focus.get().nullable()) {
                    chosen.add(new int[] {c, fieldOf[c], ColumnValues.PRESENCE});
                }
            }
        }
        List<List<byte[]>> allowed = new ArrayList<>();
        boolean[] nullable = new boolean[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            String name = columns.get(chosen.get(i)[0]).name();
            var focus = FocusColumn.byName(name);
            nullable[i] = focus.map(FocusColumn::nullable).orElse(true);
            List<String> values = focus.map(FocusColumn::allowedValues).orElse(List.of());
            boolean onlyChecked = chosen.get(i)[2] == ColumnValues.TEXT && checkedOnly.test(name) && !values.isEmpty();
            allowed.add(
                    onlyChecked
                            ? values.stream()
                                    .map(v -> v.getBytes(StandardCharsets.UTF_8))
                                    .toList()
                            : null);
        }
        return new Plan(
                columns,
                fieldCount,
                chosen.stream().mapToInt(a -> a[0]).toArray(),
                chosen.stream().mapToInt(a -> a[1]).toArray(),
                chosen.stream().mapToInt(a -> a[2]).toArray(),
                allowed,
                nullable);
    }

    /**
     * Decodes a row group and hands its rows to its part; the column arrays, for the next row group to reuse.
     *
     * @param reusable column arrays of an earlier row group of this read (nothing refers to them any more), or
     *     {@code null}
     */
    private static <S extends RecordSink> ColumnValues[] readGroup(
            String name,
            FileChannel channel,
            FileMetadata.RowGroup group,
            Plan plan,
            TypedInput.Part<S> part,
            long firstRow,
            Progress progress,
            ColumnValues[] reusable) {
        int rows = (int) group.rows();
        int n = plan.chunkIndex.length;
        ColumnValues[] values = reusable != null ? reusable : new ColumnValues[n];
        for (int i = 0; i < n; i++) {
            FileMetadata.Column column = plan.columns.get(plan.chunkIndex[i]);
            FileMetadata.Chunk chunk = group.chunks().get(plan.chunkIndex[i]);
            int kind = plan.kind[i];
            if (!Codecs.supported(chunk.codec())) {
                throw new FocusFormatException(
                        name,
                        firstRow,
                        column.name(),
                        "Parquet compression " + Codecs.name(chunk.codec()) + " is not supported "
                                + "(use SNAPPY, GZIP, ZSTD or UNCOMPRESSED)");
            }
            List<byte[]> allowed = plan.allowed.get(i);
            // Nulls need no decoding where there are none, or where none is counted (a nullable column).
            boolean nullsUnneeded = !column.optional() || chunk.nullCount() == 0 || plan.nullable[i];
            // Not even read: a column only known to be there, or only checked and without a value.
            if ((kind == ColumnValues.PRESENCE || (allowed != null && chunk.nullCount() == rows)) && nullsUnneeded) {
                values[i] = new ColumnValues(ColumnValues.PRESENCE, rows);
                continue;
            }
            try {
                byte[] data = readFully(channel, chunk.start(), (int) chunk.length());
                if (allowed != null
                        && (chunk.nullCount() == rows
                                || ChunkDecoder.onlyAllowedValues(column, chunk, data, rows, allowed))) {
                    // Only checked, and nothing to find (no value, or allowed ones alone): read as an unprojected
                    // column is, for its nulls at most.
                    kind = ColumnValues.PRESENCE;
                    if (nullsUnneeded) {
                        values[i] = new ColumnValues(ColumnValues.PRESENCE, rows);
                        continue;
                    }
                }
                values[i] = ChunkDecoder.decode(column, chunk, data, kind, rows, values[i]);
            } catch (ParquetException e) {
                throw new FocusFormatException(
                        name,
                        firstRow,
                        column.name(),
                        "corrupt Parquet column chunk in the row group starting at this row: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        if (!part.acceptColumns(batch(values, plan, rows))) {
            rowByRow(values, plan, part, rows);
        }
        progress.advance(rows);
        return values;
    }

    /** A row group's decoded columns by field, for a sink that takes them column at a time. */
    private static ColumnBatch batch(ColumnValues[] values, Plan plan, int rows) {
        ColumnBatch batch = new ColumnBatch(plan.fields, rows);
        for (int i = 0; i < values.length; i++) {
            ColumnValues column = values[i];
            int field = plan.field[i];
            switch (column.kind) {
                case ColumnValues.NUMBER -> batch.setNumbers(field, column.numbers, column.nulls);
                case ColumnValues.TIME -> batch.setTimes(field, column.times, column.nulls);
                case ColumnValues.TEXT ->
                    batch.setTexts(
                            field,
                            column.ids,
                            column.nulls,
                            column.text,
                            column.textStart,
                            column.textLength,
                            column.textCount,
                            column.sharedTexts);
                default -> batch.setUnread(field, column.nulls);
            }
        }
        return batch;
    }

    /** Hands a row group's rows to its part one by one. */
    private static void rowByRow(ColumnValues[] values, Plan plan, TypedInput.Part<?> part, int rows) {
        int n = values.length;
        TypedRow row = part.row();
        int[] field = plan.field;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                ColumnValues column = values[i];
                if (column.nulls != null && column.nulls[r]) {
                    continue;
                }
                switch (column.kind) {
                    case ColumnValues.NUMBER -> row.setDecimal(field[i], column.numbers[r]);
                    case ColumnValues.TIME -> row.setTimestamp(field[i], column.times[r]);
                    case ColumnValues.TEXT -> {
                        int id = column.ids[r];
                        int length = column.textLength[id];
                        if (length > 0) { // an empty string is a null, as an empty CSV field is
                            // A plain-encoded value (a row-unique id) goes without an id: no check or code is
                            // remembered by an id that no other row will carry.
                            row.setBytes(
                                    field[i],
                                    column.text,
                                    column.textStart[id],
                                    length,
                                    id < column.sharedTexts ? id : -1);
                        }
                    }
                    default -> row.setUnread(field[i]); // not read: only known to be there
                }
            }
            part.endRecord();
        }
    }

    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer target = ByteBuffer.wrap(bytes);
        while (target.hasRemaining()) {
            int n = channel.read(target, position + target.position());
            if (n < 0) {
                throw new IOException("unexpected end of file at " + (position + target.position()));
            }
        }
        return bytes;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "costagent-parquet");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Reports rows read after each row group. */
    private static final class Progress {
        private final ReadProgress listener;
        private final long totalRows;
        private final AtomicLong rows = new AtomicLong();
        private final long startNanos = System.nanoTime();

        Progress(ReadProgress listener, long totalRows) {
            this.listener = listener;
            this.totalRows = totalRows;
        }

        void advance(long count) {
            long done = rows.addAndGet(count);
            if (listener != ReadProgress.NONE) {
                synchronized (this) {
                    // Rows stand in for bytes: a Parquet file's bytes do not map to rows.
                    listener.update(done, totalRows, done, Duration.ofNanos(System.nanoTime() - startNanos));
                }
            }
        }
    }
}
