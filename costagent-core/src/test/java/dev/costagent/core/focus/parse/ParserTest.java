package dev.costagent.core.focus.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level number and timestamp parsers against the JDK's own. */
class ParserTest {

    @Property(tries = 3000)
    void decimalsParseToTheNearestDouble(@ForAll long unscaled, @ForAll @IntRange(min = -5, max = 25) int scale) {
        String text = BigDecimal.valueOf(unscaled, scale).toPlainString();
        assertSameDouble(decimal(text), Double.parseDouble(text), text);
    }

    /** Billing exports' shape: long fractions, taken eight digits at a time, inside a buffer of more digits. */
    @Property(tries = 3000)
    void longFractionsParseToTheNearestDoubleInsideABuffer(
            @ForAll @IntRange(min = 0, max = 12) int integerDigits,
            @ForAll @IntRange(min = 0, max = 24) int fractionDigits,
            @ForAll long seed,
            @ForAll boolean negative) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(negative ? "-" : "");
        for (int i = 0; i < integerDigits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (fractionDigits > 0 || integerDigits == 0) {
            text.append('.');
        }
        for (int i = 0; i < Math.max(fractionDigits, integerDigits == 0 ? 1 : 0); i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        String value = text.toString();
        byte[] buffer = ("98765432" + value + "12345678").getBytes(StandardCharsets.US_ASCII);
        assertSameDouble(DecimalParser.parse(buffer, 8, 8 + value.length()), Double.parseDouble(value), value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1.2345678a", "1.23456789x1", "0.12345678.9", "1.1234567/", "1.:2345678", "-.", "1.12345678e"})
    void rejectsNonDigitsInsideEightDigitRuns(String text) {
        assertThat(decimal(text)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0.5",
                "+3",
                "0.00000080000",
                "2.000000000000000",
                "1e-7",
                "12345678901234567890.5",
                "0.1",
                "1200",
                ".5",
                "5.",
                "11.8611835519",
                "0.0000000000",
                "-0.0000041670",
                "123456789.123456789",
                "9007199254740993",
                "0.99999999999999999999",
                "1234567812345678.5",
                "-0",
                "-0.0",
                "-0.00000000000"
            })
    void acceptsDecimalForms(String text) {
        assertSameDouble(decimal(text), Double.parseDouble(text), text);
    }

    /** Bit for bit, so that {@code -0.0} and {@code 0.0} differ. */
    private static void assertSameDouble(double actual, double expected, String text) {
        assertThat(Double.doubleToRawLongBits(actual))
                .as("%s parsed as %s, expected %s", text, actual, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "abc", "1,5", "NaN", "Infinity", "1e", "1 ", "--1", "1e999"})
    void rejectsNonDecimals(String text) {
        assertThat(decimal(text)).isNaN();
    }

    @ParameterizedTest
    @CsvSource({
        "2024-09-18T22:00:00Z, 2024-09-18T22:00:00Z",
        "2024-09-18 22:00:00, 2024-09-18T22:00:00Z",
        "2024-09-18T22:00Z, 2024-09-18T22:00:00Z",
        "2024-09-18T22:00:00.000Z, 2024-09-18T22:00:00Z",
        "2024-09-18T22:00:00+02:00, 2024-09-18T20:00:00Z",
        "2024-09-18T22:00:00-0530, 2024-09-19T03:30:00Z",
        "2024-09-18T22:00:00+01, 2024-09-18T21:00:00Z",
        "2024-09-18, 2024-09-18T00:00:00Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
        "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z"
    })
    void parsesTimestamps(String text, String expected) {
        assertThat(timestamp(text)).isEqualTo(Instant.parse(expected).getEpochSecond());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-13-01",
                "2023-02-29",
                "2024-09-18T24:00:00Z",
                "2024-09-18T22:00:00.5Z",
                "18/09/2024",
                "2024-09-18T22",
                "2024-09-18T22:00:00X",
                "2024-09-18T22:00:00+25:00",
                ""
            })
    void rejectsBadTimestamps(String text) {
        assertThat(timestamp(text)).isEqualTo(TimestampParser.INVALID);
    }

    private static double decimal(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(bytes, 0, bytes.length);
    }

    private static long timestamp(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return TimestampParser.parse(bytes, 0, bytes.length);
    }
}
