package dev.costagent.core.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.parse.TextCheck;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scanner's word-at-a-time path for plain records must find exactly what the general byte-by-byte scan finds, on
 * any bytes, at any buffer limit; and what it calls plain text must pass the text check.
 */
class CsvRecordScannerPropertyTest {

    /** Bytes that matter to a CSV scanner and a text check, and ordinary ones, in any order. */
    private static final byte[] ALPHABET = {
        ',',
        ',',
        '"',
        '\n',
        '\n',
        '\r',
        'a',
        'b',
        'Z',
        '0',
        '.',
        ' ',
        0x00,
        0x09,
        0x1F,
        0x7F,
        (byte) 0x80,
        (byte) 0xC3,
        (byte) 0xA9,
        (byte) 0xFF
    };

    @Property(tries = 3000)
    void theFastPathFindsWhatTheGeneralScanFinds(
            @ForAll("records") byte[] bytes, @ForAll @IntRange(max = 40) int cut, @ForAll boolean eof) {
        int limit = Math.max(0, bytes.length - cut);
        int pos = 0;
        CsvRecordScanner fast = new CsvRecordScanner();
        CsvRecordScanner general = new CsvRecordScanner();
        while (pos < limit) {
            int next = fast.scan(bytes, pos, limit, eof);
            int expected = general.scanGeneral(bytes, pos, limit, eof);
            assertThat(next)
                    .as("next record of %s at %d", Arrays.toString(bytes), pos)
                    .isEqualTo(expected);
            if (next == CsvRecordScanner.NEED_MORE) {
                return;
            }
            assertThat(fast.fieldCount).isEqualTo(general.fieldCount);
            assertThat(Arrays.copyOf(fast.starts, fast.fieldCount))
                    .isEqualTo(Arrays.copyOf(general.starts, general.fieldCount));
            assertThat(Arrays.copyOf(fast.ends, fast.fieldCount))
                    .isEqualTo(Arrays.copyOf(general.ends, general.fieldCount));
            assertThat(Arrays.copyOf(fast.quoted, fast.fieldCount))
                    .isEqualTo(Arrays.copyOf(general.quoted, general.fieldCount));
            assertThat(fast.lines).isEqualTo(general.lines);
            assertThat(fast.error).isEqualTo(general.error);
            assertThat(fast.errorField).isEqualTo(general.errorField);
            assertThat(fast.plainUpTo).isBetween(pos, next);
            assertThat(TextCheck.firstBad(bytes, pos, fast.plainUpTo)).isEqualTo(-1);
            pos = next;
        }
    }

    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<Byte> plain = Arbitraries.of((byte) 'a', (byte) 'b', (byte) '1', (byte) ' ', (byte) '-');
        Arbitrary<Byte> any = Arbitraries.of(toBoxed(ALPHABET));
        // Mostly plain bytes with commas and newlines, as real files are; now and then anything.
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, plain),
                net.jqwik.api.Tuple.of(3, Arbitraries.just((byte) ',')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) '\n')),
                net.jqwik.api.Tuple.of(1, any));
        return mixed.array(byte[].class).ofMaxSize(200);
    }

    @Test
    void aPlainRecordIsCutAtItsCommasAndKnownToBePlainText() {
        byte[] bytes = "AWS,EC2,us-east-1,12.5,,x\r\nnext,row\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CsvRecordScanner scanner = new CsvRecordScanner();
        int next = scanner.scan(bytes, 0, bytes.length, false);
        assertThat(next).isEqualTo(27);
        assertThat(scanner.fieldCount).isEqualTo(6);
        assertThat(scanner.plainUpTo).isEqualTo(next);
        assertThat(new String(bytes, scanner.starts[5], scanner.ends[5] - scanner.starts[5]))
                .isEqualTo("x");
        assertThat(scanner.ends[4]).isEqualTo(scanner.starts[4]);
    }

    @Test
    void aQuotedFieldIsScannedInFullAfterAPlainStart() {
        byte[] bytes = "alpha,beta,gamma,\"x,\"\"y\"\"\",c\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CsvRecordScanner scanner = new CsvRecordScanner();
        int next = scanner.scan(bytes, 0, bytes.length, false);
        assertThat(next).isEqualTo(bytes.length);
        assertThat(scanner.fieldCount).isEqualTo(5);
        assertThat(scanner.quoted[3]).isTrue();
        // The quote is in the third word: the first two words are known plain, up to the field that started there.
        assertThat(scanner.plainUpTo).isEqualTo(11);
    }

    @Test
    void aWideRecordGrowsTheFieldArraysOnTheFastPath() {
        // 150 fields (Microsoft's FOCUS exports have 100+ columns), past the arrays' first size
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < 150; f++) {
            line.append(f == 0 ? "" : ",").append("v").append(f);
        }
        // LF in the record's last word: the whole record is the fast path's (a CR ending one word, its LF starting the
        // next, hands the last field to the general scan, as the property above checks)
        byte[] bytes = (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes.length % 8).isZero();
        CsvRecordScanner fast = new CsvRecordScanner();
        CsvRecordScanner general = new CsvRecordScanner();
        assertThat(fast.scan(bytes, 0, bytes.length, false)).isEqualTo(bytes.length);
        assertThat(general.scanGeneral(bytes, 0, bytes.length, false)).isEqualTo(bytes.length);
        assertThat(fast.fieldCount).isEqualTo(150).isEqualTo(general.fieldCount);
        assertThat(Arrays.copyOf(fast.ends, 150)).isEqualTo(Arrays.copyOf(general.ends, 150));
        assertThat(new String(bytes, fast.starts[149], fast.ends[149] - fast.starts[149]))
                .isEqualTo("v149");
        assertThat(fast.plainUpTo).isEqualTo(bytes.length);
    }

    @Test
    void aRecordWithANonAsciiByteIsNotPlainText() {
        byte[] bytes = "caf\u00e9,latte,with,milk,and,sugar,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CsvRecordScanner scanner = new CsvRecordScanner();
        scanner.scan(bytes, 0, bytes.length, false);
        assertThat(scanner.fieldCount).isEqualTo(7);
        assertThat(scanner.plainUpTo).isZero();
    }

    private static Byte[] toBoxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
