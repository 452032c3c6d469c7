package dev.costagent.core.focus;

import com.google.common.base.Throwables;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads FOCUS CSV files ({@code .csv} or {@code .csv.gz}, one file or a directory of them) into {@link RecordSink}s.
 *
 * <p>Plain files are parsed in parallel: the file is cut into stretches, each parsed from the first line start after
 * its nominal beginning. That guess is wrong only when the cut falls inside a quoted field that spans lines; each
 * stretch's real start is therefore checked against where the previous stretch really ended, and a stretch that
 * guessed wrong is parsed again from the right place. Gzip files are parsed sequentially as they decompress. Heap use
 * is a few buffers per thread, whatever the file size.
 *
 * <p>Strict reading (the default) stops at the first bad record with a {@link FocusFormatException} naming file,
 * line, column and reason. Lenient reading goes on and reports every rejected record, so that accepted + rejected =
 * data records in the input.
 */
public final class FocusReader {

    private static final int HEADER_WINDOW = 1 << 20;
    private static final int SLACK = 256 << 10;
    private static final int STREAM_BUFFER = 4 << 20;
    /** Below this much data a file is not worth splitting evenly across the threads. */
    private static final long MIN_EVEN_SPLIT = 256 << 10;

    private final ReadOptions options;

    /** A reader with these options. */
    public FocusReader(ReadOptions options) {
        this.options = options;
    }

    /**
     * The FOCUS files at a path: the file itself, or the {@code .csv} and {@code .csv.gz} files directly in a
     * directory, sorted by name.
     *
     * @throws FocusFormatException when the path does not exist or a directory holds no such file
     */
    public static List<Path> files(Path input) {
        if (Files.isDirectory(input)) {
            try (Stream<Path> listing = Files.list(input)) {
                List<Path> files = listing.filter(Files::isRegularFile)
                        .filter(p -> {
                            String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                            return name.endsWith(".csv") || name.endsWith(".csv.gz");
                        })
                        .sorted()
                        .toList();
                if (files.isEmpty()) {
                    throw new FocusFormatException(
                            input.toString(), 0, null, "directory holds no .csv or .csv.gz file");
                }
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isRegularFile(input)) {
            throw new FocusFormatException(input.toString(), 0, null, "no such file or directory");
        }
        return List.of(input);
    }

    /**
     * The FOCUS version a file or directory is read as: the declared one ({@link ReadOptions#focusVersion()}), else
     * the newest any file's header shows. Reads the headers only.
     *
     * @throws FocusFormatException as {@link #read(Path, RecordSink.SinkFactory)} for a header that is not FOCUS
     */
    public FocusVersion version(Path input) {
        FocusVersion newest = null;
        for (Path file : files(input)) {
            String name = file.toString();
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
                            ? new GZIPInputStream(raw, 1 << 16)
                            : raw) {
                byte[] window = new byte[HEADER_WINDOW];
                int read = fill(in, window, 0);
                FocusVersion version = scanHeader(name, window, read, read < window.length)
                        .header
                        .version();
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        return newest;
    }

    /**
     * Reads every record of a file or directory.
     *
     * @param factory makes one sink per stretch of a file
     * @throws FocusFormatException for bad input in strict mode, and in any mode for input that is not FOCUS CSV at
     *     all (empty, header only, wrong delimiter, truncated gzip, missing file)
     * @throws UncheckedIOException when the file cannot be read
     */
    public <S extends RecordSink> ReadResult<S> read(Path input, RecordSink.SinkFactory<S> factory) {
        return read(input, factory, null);
    }

    /**
     * Reads every record of a file or directory, handing each stretch's sink to {@code consumer} in file order as
     * soon as it is verified (so that callers who fold sinks away keep memory bounded); the result then holds no
     * sinks.
     */
    public <S extends RecordSink> ReadResult<S> read(
            Path input, RecordSink.SinkFactory<S> factory, java.util.function.Consumer<? super S> consumer) {
        List<Path> files = files(input);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += size(file);
        }
        Progress progress = new Progress(options.progress(), totalBytes);
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), daemon()) : null;
        try {
            ReadResult.Builder<S> result = new ReadResult.Builder<>(options.maxRejectDetails(), consumer);
            for (Path file : files) {
                if (file.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".gz")) {
                    readGzip(file, factory, result, progress);
                } else {
                    readPlain(file, factory, result, progress, pool);
                }
            }
            return result.build();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            progress.close();
        }
    }

    /**
     * Reads FOCUS CSV held in memory, as if it were a file named {@code name}.
     *
     * @throws FocusFormatException as {@link #read(Path, RecordSink.SinkFactory)}
     */
    public <S extends RecordSink> ReadResult<S> read(String name, byte[] csv, RecordSink.SinkFactory<S> factory) {
        byte[] data = csv.clone(); // the scanner unescapes quotes in place
        HeaderScan header = scanHeader(name, data, data.length, true);
        checkHasData(name, data.length - header.end, data, header.end, data.length);
        ChunkParser<S> parser = new ChunkParser<>(header.header, factory.create(header.header), options);
        parser.parse(data, header.end, data.length, true, data.length);
        ReadResult.Builder<S> result = new ReadResult.Builder<>(options.maxRejectDetails(), null);
        result.add(parser, header.lines);
        return result.build();
    }

    private <S extends RecordSink> void readPlain(
            Path file,
            RecordSink.SinkFactory<S> factory,
            ReadResult.Builder<S> result,
            Progress progress,
            ExecutorService pool) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] window = new byte[(int) Math.min(HEADER_WINDOW, Math.max(size, 1))];
            int read = readFully(channel, 0, window, window.length);
            HeaderScan header = scanHeader(name, window, read, read == size);
            long dataStart = header.end;
            checkHasData(name, size - dataStart, window, header.end, read);
            long chunk = stretchBytes(size - dataStart, pool != null);
            int chunks = (int) Math.max(1, (size - dataStart + chunk - 1) / chunk);
            // Stretches run ahead on the pool, at most a few per thread; the head is verified and handed over in
            // file order, so memory stays bounded whatever the file size.
            int ahead = pool == null ? 1 : options.threads() * 2;
            java.util.ArrayDeque<ChunkJob<S>> inFlight = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Future<?>> futures = new java.util.ArrayDeque<>();
            int next = 0;
            long line = header.lines;
            long expectedStart = dataStart;
            while (next < chunks || !inFlight.isEmpty()) {
                while (next < chunks && inFlight.size() < ahead) {
                    long from = dataStart + next * chunk;
                    long to = next == chunks - 1 ? size : from + chunk;
                    ChunkJob<S> job = new ChunkJob<>(next++, from, to, size);
                    inFlight.add(job);
                    if (pool == null) {
                        futures.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                    } else {
                        futures.add(pool.submit(() -> job.run(channel, header.header, factory, progress)));
                    }
                }
                ChunkJob<S> job = inFlight.poll();
                await(futures.poll());
                if (job.parser == null || job.start != expectedStart) {
                    job.rerun(channel, expectedStart, header.header, factory, progress);
                }
                result.add(job.parser, line);
                line += job.parser.lines;
                expectedStart = job.end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stretch length for this much data: at most {@link ReadOptions#chunkBytes()}, and cut so that the number of
     * stretches is a multiple of the threads, so no thread is left with a long stretch while the others idle (a 6 MB
     * file in 4 MiB stretches would keep one of two threads busy for two thirds of the read).
     */
    private long stretchBytes(long dataBytes, boolean parallel) {
        long chunk = options.chunkBytes();
        if (!parallel || dataBytes < MIN_EVEN_SPLIT) {
            return chunk;
        }
        long threads = options.threads();
        long stretches = (dataBytes + chunk - 1) / chunk;
        stretches = (stretches + threads - 1) / threads * threads;
        return Math.min(chunk, (dataBytes + stretches - 1) / stretches);
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

    /** Each parsing thread reuses one buffer across stretches, so heap use stays a few buffers per thread. */
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[0]);

    /** One stretch of a plain file. */
    private final class ChunkJob<S extends RecordSink> {
        final int index;
        final long nominalStart;
        final long nominalEnd;
        final long fileSize;
        ChunkParser<S> parser;
        long start;
        long end;

        ChunkJob(int index, long nominalStart, long nominalEnd, long fileSize) {
            this.index = index;
            this.nominalStart = nominalStart;
            this.nominalEnd = nominalEnd;
            this.fileSize = fileSize;
        }

        /** Parses from the first line start at or after the nominal start: a guess the reader verifies in order. */
        void run(FileChannel channel, FocusHeader header, RecordSink.SinkFactory<S> factory, Progress progress) {
            try {
                long from = index == 0 ? nominalStart : firstLineStart(channel, nominalStart);
                parseFrom(channel, from, header, factory, progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Parses again from the stretch's real start, where the previous stretch really ended. */
        void rerun(
                FileChannel channel,
                long from,
                FocusHeader header,
                RecordSink.SinkFactory<S> factory,
                Progress progress) {
            try {
                parseFrom(channel, from, header, factory, progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long firstLineStart(FileChannel channel, long at) throws IOException {
            byte[] probe = new byte[4 << 10];
            long position = at - 1;
            while (position < nominalEnd) {
                int n = readFully(channel, position, probe, (int) Math.min(probe.length, fileSize - position));
                for (int i = 0; i < n; i++) {
                    if (probe[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += n;
            }
            return nominalEnd;
        }

        private void parseFrom(
                FileChannel channel,
                long from,
                FocusHeader header,
                RecordSink.SinkFactory<S> factory,
                Progress progress)
                throws IOException {
            start = from;
            parser = new ChunkParser<>(header, factory.create(header), options);
            long windowStart = from;
            int capacity = (int) Math.min(Math.max(nominalEnd - from, 0) + SLACK, fileSize - from + 1);
            byte[] buf = buffers.get();
            if (buf.length < capacity) {
                buf = new byte[capacity];
            }
            int limit = readFully(channel, windowStart, buf, (int) Math.min(buf.length, fileSize - windowStart));
            int pos = 0;
            while (windowStart + pos < nominalEnd && windowStart + pos < fileSize) {
                boolean eof = windowStart + limit >= fileSize;
                int stopAt = (int) Math.min(Integer.MAX_VALUE, nominalEnd - windowStart);
                int next = parser.parse(buf, pos, limit, eof, stopAt);
                progress.advance(next - pos, 0);
                pos = next;
                if (parser.tally.failure != null) {
                    break;
                }
                if (parser.needMore || pos >= limit) {
                    // An incomplete record that fills the whole buffer needs a bigger one.
                    boolean grow = parser.needMore && pos == 0;
                    windowStart += pos;
                    pos = 0;
                    if (grow) {
                        buf = new byte[(int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 16)];
                    }
                    limit = readFully(channel, windowStart, buf, (int) Math.min(buf.length, fileSize - windowStart));
                }
            }
            end = windowStart + pos;
            buffers.set(buf);
            progress.advance(0, parser.tally.accepted + parser.tally.rejected);
        }
    }

    private <S extends RecordSink> void readGzip(
            Path file, RecordSink.SinkFactory<S> factory, ReadResult.Builder<S> result, Progress progress) {
        String name = file.toString();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            readStream(name, in, factory, result, progress);
        } catch (EOFException e) {
            throw new FocusFormatException(name, "truncated gzip: the compressed stream ends before its end marker", e);
        } catch (ZipException e) {
            throw new FocusFormatException(name, "not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads FOCUS CSV from a stream (e.g. a pipe from a generator or a download), sequentially, as if it were a file
     * named {@code name}. The caller closes the stream.
     *
     * @throws FocusFormatException as {@link #read(Path, RecordSink.SinkFactory)}
     * @throws UncheckedIOException when the stream fails
     */
    public <S extends RecordSink> ReadResult<S> read(String name, InputStream in, RecordSink.SinkFactory<S> factory) {
        ReadResult.Builder<S> result = new ReadResult.Builder<>(options.maxRejectDetails(), null);
        try (Progress progress = new Progress(options.progress(), 0)) {
            readStream(name, in, factory, result, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return result.build();
    }

    /** Parses a stream in one sequence: the incomplete record at the end of the buffer is kept for the next fill. */
    private <S extends RecordSink> void readStream(
            String name,
            InputStream in,
            RecordSink.SinkFactory<S> factory,
            ReadResult.Builder<S> result,
            Progress progress)
            throws IOException {
        byte[] buf = new byte[STREAM_BUFFER];
        int limit = fill(in, buf, 0);
        boolean eof = limit < buf.length;
        HeaderScan header = scanHeader(name, buf, limit, eof);
        checkHasData(name, eof ? limit - header.end : 1, buf, header.end, limit);
        ChunkParser<S> parser = new ChunkParser<>(header.header, factory.create(header.header), options);
        int pos = header.end;
        while (true) {
            int next = parser.parse(buf, pos, limit, eof, Integer.MAX_VALUE);
            progress.advance(next - pos, 0);
            pos = next;
            if (parser.tally.failure != null || (eof && !parser.needMore && pos >= limit)) {
                break;
            }
            // Keep the incomplete record, grow if it fills the buffer, and read on.
            int kept = limit - pos;
            if (kept == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            } else {
                System.arraycopy(buf, pos, buf, 0, kept);
            }
            pos = 0;
            limit = fill(in, buf, kept);
            eof = limit < buf.length;
        }
        progress.advance(0, parser.tally.accepted + parser.tally.rejected);
        result.add(parser, header.lines);
    }

    /** Reads until the buffer is full or the stream ends; returns the new limit. */
    private static int fill(InputStream in, byte[] buf, int from) throws IOException {
        int limit = from;
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        return limit;
    }

    private record HeaderScan(FocusHeader header, int end, long lines) {}

    private HeaderScan scanHeader(String file, byte[] buf, int limit, boolean eof) {
        int start = 0;
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (limit - start == 0) {
            throw new FocusFormatException(file, 0, null, "empty file: no header and no records");
        }
        CsvRecordScanner scanner = new CsvRecordScanner();
        int end = scanner.scan(buf, start, limit, eof);
        if (end == CsvRecordScanner.NEED_MORE) {
            throw new FocusFormatException(file, 1, null, "header line longer than " + limit + " bytes");
        }
        if (scanner.error != null) {
            throw new FocusFormatException(file, 1, null, "header: " + scanner.error);
        }
        List<String> names = new ArrayList<>(scanner.fieldCount);
        for (int f = 0; f < scanner.fieldCount; f++) {
            names.add(new String(buf, scanner.starts[f], scanner.ends[f] - scanner.starts[f], StandardCharsets.UTF_8));
        }
        if (names.size() == 1) {
            String only = names.get(0);
            for (char delimiter : new char[] {';', '\t', '|'}) {
                if (only.indexOf(delimiter) >= 0) {
                    throw new FocusFormatException(
                            file,
                            1,
                            null,
                            "wrong delimiter: the header is separated by '"
                                    + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
                                    + "', FOCUS CSV is comma-separated");
                }
            }
        }
        for (int f = 0; f < names.size(); f++) {
            if (names.get(f).isBlank()) {
                throw new FocusFormatException(file, 1, null, "header field " + (f + 1) + " has no column name");
            }
        }
        FocusHeader header = new FocusHeader(file, names, options.focusVersion());
        if (header.knownColumns().isEmpty()) {
            throw new FocusFormatException(
                    file,
                    1,
                    null,
                    "no FOCUS column in the header (first column: '" + names.get(0) + "'); is this a FOCUS export?");
        }
        if (!options.lenient()) {
            if (!header.missingMandatory().isEmpty()) {
                throw header.missingMandatoryError();
            }
        }
        return new HeaderScan(header, end, scanner.lines);
    }

    private static void checkHasData(String file, long bytesAfterHeader, byte[] buf, int from, int limit) {
        boolean blankOnly = true;
        for (int i = from; i < limit && blankOnly; i++) {
            blankOnly = buf[i] == '\n' || buf[i] == '\r';
        }
        if (bytesAfterHeader <= 0 || (blankOnly && limit - from == bytesAfterHeader)) {
            throw new FocusFormatException(file, 0, null, "header only: the file has no data records");
        }
    }

    private static int readFully(FileChannel channel, long position, byte[] buf, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buf, 0, length);
        while (target.hasRemaining()) {
            int n = channel.read(target, position + target.position());
            if (n < 0) {
                break;
            }
        }
        return target.position();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "costagent-focus-reader");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Counts bytes and records and reports them periodically when someone listens. */
    private static final class Progress implements AutoCloseable {
        private final ReadProgress listener;
        private final long totalBytes;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong records = new AtomicLong();
        private final long startNanos = System.nanoTime();
        private final ScheduledExecutorService ticker;

        Progress(ReadProgress listener, long totalBytes) {
            this.listener = listener;
            this.totalBytes = totalBytes;
            if (listener == ReadProgress.NONE) {
                ticker = null;
            } else {
                ticker = Executors.newSingleThreadScheduledExecutor(daemon());
                ticker.scheduleAtFixedRate(this::report, 500, 500, TimeUnit.MILLISECONDS);
            }
        }

        void advance(long byteCount, long recordCount) {
            if (ticker != null) {
                bytes.addAndGet(byteCount);
                records.addAndGet(recordCount);
            }
        }

        private void report() {
            listener.update(bytes.get(), totalBytes, records.get(), Duration.ofNanos(System.nanoTime() - startNanos));
        }

        @Override
        public void close() {
            if (ticker != null) {
                ticker.shutdownNow();
                report();
            }
        }
    }
}
