package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.TextCheck;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Locale;

/**
 * Guards the CSV hot path: the scanner's word-at-a-time path with the text check starting after its plain prefix,
 * against the general scan with the check of the whole record, over the same stretch of a real file held in memory
 * (no I/O), alternating in one JVM. Not a test; run it by hand:
 *
 * <pre>
 * mvn -o -q -pl costagent-core test-compile
 * java -XX:+UseSerialGC -cp costagent-core/target/classes:costagent-core/target/test-classes \
 *     dev.costagent.core.focus.CsvScanBenchmark FILE.csv [MiB] [rounds]
 * </pre>
 */
public final class CsvScanBenchmark {

    private CsvScanBenchmark() {}

    /** Prints ns per record of each path for the last rounds, and their ratio. */
    public static void main(String[] args) throws IOException {
        int size = (args.length > 1 ? Integer.parseInt(args[1]) : 4) << 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        byte[] buf = new byte[size];
        try (RandomAccessFile file = new RandomAccessFile(args[0], "r")) {
            file.seek(Math.min(4096, Math.max(0, file.length() - size)));
            file.readFully(buf, 0, (int) Math.min(size, file.length()));
        }
        int start = 0;
        while (buf[start] != '\n') {
            start++;
        }
        start++; // the first whole record
        int limit = size;
        while (buf[limit - 1] != '\n') {
            limit--;
        }
        CsvRecordScanner scanner = new CsvRecordScanner();
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            double[] nanosPerRecord = new double[2];
            for (int path = 0; path < 2; path++) {
                long started = System.nanoTime();
                int records = 0;
                for (int pos = start; pos < limit; records++) {
                    int next;
                    if (path == 0) {
                        next = scanner.scanGeneral(buf, pos, limit, true);
                        checksum += TextCheck.firstBad(buf, pos, next);
                    } else {
                        next = scanner.scan(buf, pos, limit, true);
                        checksum += TextCheck.firstBad(buf, scanner.plainUpTo, next);
                    }
                    checksum += scanner.fieldCount;
                    pos = next;
                }
                nanosPerRecord[path] = (double) (System.nanoTime() - started) / records;
            }
            if (round >= rounds - 5) {
                System.out.printf(
                        Locale.ROOT,
                        "general %.1f ns/record, fast %.1f ns/record: %.2fx%n",
                        nanosPerRecord[0],
                        nanosPerRecord[1],
                        nanosPerRecord[1] / nanosPerRecord[0]);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
