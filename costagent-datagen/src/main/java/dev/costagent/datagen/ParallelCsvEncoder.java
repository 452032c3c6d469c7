package dev.costagent.datagen;

import dev.costagent.core.focus.FocusCsvWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes an estate's rows as CSV (with {@link RowEncoder}) on several threads and writes them in order. Rows are a pure function of their
 * hour and resource, so blocks of hours can be generated and encoded independently; the caller's writer then
 * appends the blocks in hour order, which keeps the file byte-identical to a sequential run.
 *
 * <p>At most two blocks per thread are in flight, and a block holds about {@value #BLOCK_ROWS} rows, so memory stays
 * bounded whatever the row count.
 */
final class ParallelCsvEncoder {

    /** Rows per block, roughly: large enough to amortize hand-over, small enough to bound memory (~14 MB each). */
    static final int BLOCK_ROWS = 20_000;
    /** Below this many rows a single thread is as fast. */
    static final long MIN_PARALLEL_ROWS = 2L * BLOCK_ROWS;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private record Block(RowEncoder.ByteSink bytes, long rows) {}

    private ParallelCsvEncoder() {}

    /** Whether parallel encoding pays for these many rows on this machine. */
    static boolean worthIt(long rows) {
        return rows >= MIN_PARALLEL_ROWS && Runtime.getRuntime().availableProcessors() > 1;
    }

    /** Writes every row of the estate through the writer (whose header is already written), in order. */
    static long write(Estate estate, FocusCsvWriter writer, List<String> extraColumns) throws IOException {
        RowEncoder encoder = new RowEncoder(estate, extraColumns);
        int threads =
                worthIt(estate.spec.rows()) ? Math.min(4, Runtime.getRuntime().availableProcessors()) : 1;
        long rowsPerHour = Math.max(1, estate.spec.rows() / estate.hours);
        int hoursPerBlock = (int) Math.max(1, BLOCK_ROWS / rowsPerHour);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
            int nextHour = 0;
            long rows = 0;
            while (nextHour < estate.hours || !inFlight.isEmpty()) {
                while (nextHour < estate.hours && inFlight.size() < 2 * threads) {
                    int from = nextHour;
                    int to = Math.min(estate.hours, from + hoursPerBlock);
                    inFlight.add(pool.submit(() -> encode(estate, encoder, from, to)));
                    nextHour = to;
                }
                Block block = await(inFlight.poll());
                writer.appendEncoded(block.bytes().buffer(), block.bytes().size(), block.rows());
                rows += block.rows();
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Block encode(Estate estate, RowEncoder encoder, int fromHour, int toHour) {
        RowCursor cursor = new RowCursor(estate, false, fromHour, toHour);
        long expectedRows = Math.max(16, estate.spec.rows() / estate.hours * (toHour - fromHour));
        RowEncoder.ByteSink bytes = new RowEncoder.ByteSink((int) Math.min(Integer.MAX_VALUE - 16, expectedRows * 700));
        while (cursor.advance()) {
            encoder.encode(cursor, bytes);
        }
        return new Block(bytes, cursor.produced());
    }

    private static Block await(Future<Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating CSV");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("CSV generation failed: " + cause, cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "costagent-generate-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
