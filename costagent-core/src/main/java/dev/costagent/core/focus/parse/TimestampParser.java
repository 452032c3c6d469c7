package dev.costagent.core.focus.parse;

/**
 * Parses FOCUS timestamps straight from bytes into UTC epoch seconds, without allocating.
 *
 * <p>Accepted: ISO 8601 date-times {@code 2024-09-18T22:00:00Z}, with an offset ({@code +02:00}, {@code +0200},
 * {@code +02}), with fractional seconds that are zero ({@code .000}), and without seconds ({@code 2024-09-18T22:00Z});
 * the space-separated form real exports use, {@code 2024-09-18 22:00:00}, which has no zone and is taken as UTC; and a
 * bare date {@code 2024-09-18} (midnight UTC). Sub-second precision is refused rather than silently truncated.
 */
public final class TimestampParser {

    /** Returned for text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private TimestampParser() {}

    /** Epoch seconds of {@code bytes[from, to)}, or {@link #INVALID}. */
    public static long parse(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 10 || bytes[from + 4] != '-' || bytes[from + 7] != '-') {
            return INVALID;
        }
        int year = digits(bytes, from, 4);
        int month = digits(bytes, from + 5, 2);
        int day = digits(bytes, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L;
        int i = from + 10;
        if (i == to) {
            return seconds;
        }
        byte separator = bytes[i];
        if ((separator != 'T' && separator != ' ' && separator != 't') || to - i < 6 || bytes[i + 3] != ':') {
            return INVALID;
        }
        int hour = digits(bytes, i + 1, 2);
        int minute = digits(bytes, i + 4, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return INVALID;
        }
        i += 6;
        int second = 0;
        if (i < to && bytes[i] == ':') {
            if (to - i < 3) {
                return INVALID;
            }
            second = digits(bytes, i + 1, 2);
            if (second < 0 || second > 59) {
                return INVALID;
            }
            i += 3;
            if (i < to && (bytes[i] == '.' || bytes[i] == ',')) {
                i++;
                int start = i;
                while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
                    if (bytes[i] != '0') {
                        return INVALID;
                    }
                    i++;
                }
                if (i == start) {
                    return INVALID;
                }
            }
        }
        seconds += hour * 3600L + minute * 60L + second;
        if (i == to) {
            return seconds;
        }
        byte zone = bytes[i];
        if ((zone == 'Z' || zone == 'z') && i + 1 == to) {
            return seconds;
        }
        if (zone != '+' && zone != '-') {
            return INVALID;
        }
        int remaining = to - i - 1;
        int offsetHours = digits(bytes, i + 1, Math.min(2, remaining));
        int offsetMinutes = 0;
        if (remaining == 5 && bytes[i + 3] == ':') {
            offsetMinutes = digits(bytes, i + 4, 2);
        } else if (remaining == 4) {
            offsetMinutes = digits(bytes, i + 3, 2);
        } else if (remaining != 2) {
            return INVALID;
        }
        if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
            return INVALID;
        }
        int offset = offsetHours * 3600 + offsetMinutes * 60;
        return zone == '+' ? seconds - offset : seconds + offset;
    }

    private static int digits(byte[] bytes, int from, int count) {
        if (count <= 0) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int monthIndex = month > 2 ? month - 3 : month + 9;
        int dayOfYear = (153 * monthIndex + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
