package dev.costagent.core.analysis.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DayAxisTest {

    @Property(tries = 300)
    void theDayOfADayOrHourKeyIsTheParsedDay(@ForAll @IntRange(min = -25_567, max = 376_199) int epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay); // 1900-01-01 .. 2999-12-31
        assertThat(DayAxis.dayOf(day.toString())).isEqualTo(day);
        assertThat(DayAxis.dayOf(day + "T07")).isEqualTo(day);
    }

    @Test
    void aKeyThatIsNoDayIsRefusedNamingIt() {
        assertThatThrownBy(() -> DayAxis.dayOf("2024-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> DayAxis.dayOf("2024-02-30")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> DayAxis.dayOf("24-09-18"))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("24-09-18");
        assertThatThrownBy(() -> DayAxis.dayOf("2024-09-1x"))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("2024-09-1x");
    }
}
