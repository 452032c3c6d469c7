package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** An hour's key, written digit by digit, is the one {@code yyyy-MM-dd'T'HH} formats, and reads back as its hour. */
class TimeBucketsTest {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    /** Hours of the years 1 to 9999 (the four-digit keys). */
    @Property
    void anHourKeyIsTheFormattersAndReadsBack(@ForAll @LongRange(min = -17_259_888L, max = 70_389_527L) long hour) {
        String key = TimeBuckets.key(Dimension.Kind.HOUR, hour);
        assertThat(key).isEqualTo(formatted(hour));
        assertThat(TimeBuckets.parse(Dimension.Kind.HOUR, key)).isEqualTo(hour);
    }

    @Test
    void theEdgesOfFourDigitYearsAndBeyondThemAreTheFormatters() {
        long yearOne = -17_259_888L; // 0001-01-01T00
        long lastFourDigit = 70_389_527L; // 9999-12-31T23
        for (long hour : new long[] {yearOne, yearOne - 1, yearOne - 9000, lastFourDigit, lastFourDigit + 1, 0, -1}) {
            assertThat(TimeBuckets.key(Dimension.Kind.HOUR, hour))
                    .as("hour %d", hour)
                    .isEqualTo(formatted(hour));
        }
        assertThat(TimeBuckets.key(Dimension.Kind.HOUR, 0)).isEqualTo("1970-01-01T00");
        assertThat(TimeBuckets.key(Dimension.Kind.HOUR, -1)).isEqualTo("1969-12-31T23");
    }

    private static String formatted(long hour) {
        return HOUR.format(LocalDateTime.ofEpochSecond(hour * 3600L, 0, ZoneOffset.UTC));
    }
}
