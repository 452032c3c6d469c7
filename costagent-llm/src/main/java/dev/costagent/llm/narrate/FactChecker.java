package dev.costagent.llm.narrate;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts a model's answer only when every figure in it is a fact, of the same kind and label, and renders the
 * answer's slots from the facts.
 *
 * <p>The model is asked to write figures as slots ({@code {monthlySavings}}); a slot renders from the fact with its
 * unit and currency, and the words around it must agree with the fact's label ({@code {annualSavings} a month} is
 * refused). A literal number is accepted only when it matches a fact of the same kind (money in the billing currency,
 * percent, count, date) and label (monthly vs annual, actual vs expected, increase vs decrease, confidence vs risk),
 * within the rounding the prompt allows: half a unit of the last digit shown, and when the writer rounded (trailing
 * zeros, {@code k}/{@code M}) at most 0.5% of the fact. Digits inside ids, names and tag values among the facts, and
 * inside words ({@code EC2}, {@code gp3}), are not figures; dates must be fact dates; multipliers ({@code 3x}) and
 * numbers in words ({@code twelve}) are refused, since the model would have computed them.
 *
 * <p>A label is read from the clause around the figure: the text between the nearest punctuation or joining word
 * ({@code and}, {@code against}, {@code than}, ...) on either side.
 */
final class FactChecker {

    /** The longest answer accepted, in characters. */
    static final int MAX_LENGTH = 2000;

    private static final char MASK = 'X';
    private static final char FIGURE = '#';
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z][\\w.]*)}");
    private static final Pattern STRAY_BRACE = Pattern.compile("[{}]");
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})" + "(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})(?!\\d))?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\b\\.?(?:,?\\s+(\\d{4})(?!\\d))?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?|\\.(\\d+)");
    private static final Pattern SUFFIX = Pattern.compile("^(?:(?<pct>\\s?(?:%|percent\\b|per cent\\b))"
            + "|(?<scale>\\s?(?:k|K|M|B|bn|mn|thousand|million|billion|trillion)(?![\\p{L}\\p{N}]))"
            + "|(?<times>x(?![\\p{L}\\p{N}])|\\s?×)"
            + "|(?<ordinal>(?:st|nd|rd|th)(?![\\p{L}\\p{N}])))?");
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            "^\\s?(?:(?<code>[A-Z]{3})(?![\\p{L}\\p{N}])|(?<word>dollars?|bucks|euros?|pounds?|yen)\\b)");
    private static final Pattern PERCENT_AFTER = Pattern.compile("^\\s?(?:%|percent\\b|per cent\\b)");
    private static final Pattern NUMBER_WORDS = Pattern.compile("\\b(?:two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice"
            + "|double[sd]?|triple[sd]?|quadruple[sd]?|tenfold|one (?:hundred|thousand|million|billion|percent))\\b");
    private static final Pattern BOUNDARY = Pattern.compile("[.;:!?,()\\[\\]\"]|\\b(?:and|but|while|whereas|versus"
            + "|vs|against|compared|or|than|from|to|with|by)\\b");
    private static final Set<String> CODES = Set.of(
            "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR", "SEK", "NOK", "DKK", "BRL", "MXN", "SGD",
            "HKD", "NZD", "KRW", "ZAR", "PLN");
    private static final Map<String, String> WORDS = Map.of(
            "dollar", "USD", "dollars", "USD", "bucks", "USD", "euro", "EUR", "euros", "EUR", "pound", "GBP", "pounds",
            "GBP", "yen", "JPY");

    /** Words that give a figure its label. */
    enum Cue {
        MONTHLY("\\b(?:monthly|per month|a month|each month|every month|per mo|/ ?mo|/ ?month)\\b"),
        ANNUAL("\\b(?:annual|annually|annuali[sz]ed|yearly|per year|a year|each year|every year|per annum"
                + "|/ ?yr|/ ?year)\\b"),
        EXPECTED("\\b(?:expected|expect|expectation|baseline|usual|usually|normal|normally|typical|typically"
                + "|predicted|anticipated)\\b"),
        ACTUAL("\\b(?:actual|actually|observed)\\b"),
        INCREASE("\\b(?:increase[sd]?|increasing|rise|rises|rose|risen|rising|spike[sd]?|spiking|jump(?:ed|s)?"
                + "|surge[sd]?|higher|above|up|exceed(?:ed|s)?|overspen[dt]|more|overrun)\\b"),
        DECREASE("\\b(?:decrease[sd]?|decreasing|drop(?:ped|s)?|fall|falls|fell|fallen|falling|decline[sd]?"
                + "|declining|down|lower|below|less|dip(?:ped|s)?|reduction|reduced|shr[au]nk|under)\\b"),
        CONFIDENCE("\\b(?:confidence|confident|certainty|certain|likelihood|likely|probability|probable)\\b"),
        RISK("\\brisk");

        private final Pattern pattern;

        Cue(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    /** The outcome: the rendered text, or why the answer is refused. */
    record Verdict(String text, String problem) {
        boolean accepted() {
            return problem == null;
        }
    }

    private enum NumberKind {
        MONEY,
        PERCENT,
        PLAIN,
        ORDINAL,
        MULTIPLIER
    }

    /** A figure in the text: a literal number, or a slot naming a fact. */
    private record Occurrence(
            int start,
            int end,
            String shown,
            NumberKind kind,
            double value,
            double halfUnit,
            boolean rounded,
            Figure slot,
            boolean textSlot) {}

    private final FactSheet sheet;
    private final String fenceTag;

    /** A checker for the facts in {@code sheet}; an answer must never contain {@code fenceTag}. */
    FactChecker(FactSheet sheet, String fenceTag) {
        this.sheet = sheet;
        this.fenceTag = fenceTag;
    }

    /** Why {@code text} is not acceptable, or empty when it is. */
    java.util.Optional<String> problem(String text) {
        return java.util.Optional.ofNullable(check(text).problem());
    }

    /** Checks {@code raw} and, when it passes, renders its slots. */
    Verdict check(String raw) {
        String text = NarrativeText.normalize(raw);
        if (text.isEmpty()) {
            return refuse("empty answer");
        }
        if (text.length() > MAX_LENGTH) {
            return refuse("answer longer than " + MAX_LENGTH + " characters");
        }
        if (text.contains(fenceTag) || text.contains("<facts-") || text.contains("</facts")) {
            return refuse("answer echoes the facts fence");
        }
        char[] work = text.toCharArray();
        maskLiterals(text, work);
        List<Occurrence> found = new ArrayList<>();
        String problem = slots(work, found);
        if (problem == null) {
            problem = dates(work);
        }
        if (problem == null) {
            problem = numbers(work, found);
        }
        if (problem != null) {
            return refuse(problem);
        }
        String masked = new String(work).toLowerCase(Locale.ROOT);
        Matcher stray = STRAY_BRACE.matcher(masked);
        if (stray.find()) {
            return refuse("unbalanced slot brace");
        }
        Matcher words = NUMBER_WORDS.matcher(masked);
        if (words.find()) {
            return refuse("number in words '" + words.group() + "'");
        }
        List<int[]> boundaries = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(masked);
        while (boundary.find()) {
            boundaries.add(new int[] {boundary.start(), boundary.end()});
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder rendered = new StringBuilder();
        int copied = 0;
        for (Occurrence occurrence : found) {
            Set<Cue> cues = cues(masked, boundaries, occurrence);
            if (occurrence.textSlot()) {
                continue;
            }
            if (occurrence.slot() != null) {
                if (!labelFits(occurrence.slot(), cues)) {
                    return refuse("slot '" + occurrence.shown() + "' is placed under the wrong label " + cues);
                }
                Figure figure = occurrence.slot();
                boolean signed = figure.label() == Figure.Label.CHANGE
                        && !cues.contains(Cue.INCREASE)
                        && !cues.contains(Cue.DECREASE);
                rendered.append(text, copied, occurrence.start()).append(sheet.render(figure, signed));
                copied = occurrence.end();
            } else if (!matchesAFact(occurrence, cues)) {
                return refuse("'" + occurrence.shown() + "' ("
                        + occurrence.kind().name().toLowerCase(Locale.ROOT) + (cues.isEmpty() ? "" : ", " + cues)
                        + ") matches no fact of that kind and label");
            }
        }
        rendered.append(text, copied, text.length());
        return new Verdict(renderTextSlots(rendered.toString()), null);
    }

    private static Verdict refuse(String problem) {
        return new Verdict(null, problem);
    }

    /** Digits inside strings among the facts (ids, names, tag values) are not figures. */
    private void maskLiterals(String text, char[] work) {
        for (String literal : sheet.literals()) {
            if (!containsLetter(literal)) {
                continue;
            }
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                int end = at + literal.length();
                boolean bounded = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                if (bounded) {
                    for (int i = at; i < end; i++) {
                        if (work[i] != '{' && work[i] != '}') {
                            work[i] = MASK;
                        }
                    }
                }
            }
        }
    }

    private String slots(char[] work, List<Occurrence> found) {
        Matcher slot = SLOT.matcher(new String(work));
        while (slot.find()) {
            String name = slot.group(1);
            Figure figure = sheet.figures().get(name);
            boolean text = figure == null && sheet.texts().containsKey(name);
            if (figure == null && !text) {
                return "slot '{" + name + "}' is not one of the facts";
            }
            found.add(new Occurrence(slot.start(), slot.end(), slot.group(), null, 0, 0, false, figure, text));
            fill(work, slot.start(), slot.end(), text ? MASK : FIGURE);
        }
        return null;
    }

    private String dates(char[] work) {
        List<LocalDate> facts = sheet.dates();
        String current = new String(work);
        for (Pattern pattern : new Pattern[] {ISO_DATE, MONTH_DAY, DAY_MONTH, MONTH_YEAR}) {
            Matcher date = pattern.matcher(current);
            while (date.find()) {
                int year;
                int month;
                int day;
                if (pattern == ISO_DATE) {
                    year = Integer.parseInt(date.group(1));
                    month = Integer.parseInt(date.group(2));
                    day = Integer.parseInt(date.group(3));
                } else if (pattern == MONTH_YEAR) {
                    year = Integer.parseInt(date.group(2));
                    month = month(date.group(1));
                    day = 0;
                } else {
                    boolean monthFirst = pattern == MONTH_DAY;
                    month = month(date.group(monthFirst ? 1 : 2));
                    day = Integer.parseInt(date.group(monthFirst ? 2 : 1));
                    year = date.group(3) == null ? 0 : Integer.parseInt(date.group(3));
                }
                if (!isFactDate(facts, year, month, day)) {
                    return "date '" + date.group() + "' is not one of the facts";
                }
                fill(work, date.start(), date.end(), MASK);
            }
            current = new String(work);
        }
        return null;
    }

    private static boolean isFactDate(List<LocalDate> facts, int year, int month, int day) {
        for (LocalDate fact : facts) {
            if ((year == 0 || fact.getYear() == year)
                    && fact.getMonthValue() == month
                    && (day == 0 || fact.getDayOfMonth() == day)) {
                return true;
            }
        }
        return false;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private String numbers(char[] work, List<Occurrence> found) {
        String current = new String(work);
        Matcher number = NUMBER.matcher(current);
        while (number.find()) {
            int start = number.start();
            int end = number.end();
            String currency = null;
            // Digits glued to letters are part of a name (EC2, gp3, ACCOUNT_ID_1), unless the letters are a currency.
            int letters = start;
            while (letters > 0
                    && (Character.isLetter(current.charAt(letters - 1))
                            || current.charAt(letters - 1) == '_'
                            || current.charAt(letters - 1) == MASK
                            || current.charAt(letters - 1) == FIGURE)) {
                letters--;
            }
            if (letters < start) {
                String glued = current.substring(letters, start);
                if (!CODES.contains(glued)) {
                    continue;
                }
                currency = glued;
                start = letters;
            }
            int before = start > 0 && current.charAt(start - 1) == ' ' ? start - 1 : start;
            if (currency == null && before > 0 && "$€£¥₹".indexOf(current.charAt(before - 1)) >= 0) {
                char symbol = current.charAt(before - 1);
                start = before - 1;
                int prefix = start;
                while (prefix > 0 && Character.isUpperCase(current.charAt(prefix - 1)) && start - prefix < 2) {
                    prefix--;
                }
                currency = symbolCurrency(symbol, current.substring(prefix, start));
                start = prefix;
            } else if (currency == null
                    && before >= 4
                    && CODES.contains(current.substring(before - 3, before))
                    && (before == 4 || !Character.isLetter(current.charAt(before - 4)))) {
                currency = current.substring(before - 3, before);
                start = before - 3;
            }
            String integer = number.group(1) == null ? "0" : number.group(1).replace(",", "");
            String fraction = number.group(1) == null ? number.group(3) : number.group(2);
            double value = Double.parseDouble(integer + (fraction == null ? "" : "." + fraction));
            int decimals = fraction == null ? 0 : fraction.length();
            int trailingZeros = 0;
            if (decimals == 0) {
                for (int i = integer.length() - 1; i > 0 && integer.charAt(i) == '0'; i--) {
                    trailingZeros++;
                }
            }
            double halfUnit = 0.5 * Math.pow(10, trailingZeros - decimals);
            boolean rounded = trailingZeros > 0;
            NumberKind kind = NumberKind.PLAIN;
            Matcher suffix = SUFFIX.matcher(current).region(end, current.length());
            suffix.useTransparentBounds(true).useAnchoringBounds(true);
            if (suffix.lookingAt() && suffix.end() > end) {
                if (suffix.group("pct") != null) {
                    kind = NumberKind.PERCENT;
                } else if (suffix.group("scale") != null) {
                    double scale = scale(suffix.group("scale").strip());
                    value *= scale;
                    halfUnit *= scale;
                    rounded = true;
                } else if (suffix.group("times") != null) {
                    kind = NumberKind.MULTIPLIER;
                } else {
                    kind = NumberKind.ORDINAL;
                }
                end = suffix.end();
                if (suffix.group("scale") != null) {
                    Matcher percent = PERCENT_AFTER.matcher(current).region(end, current.length());
                    if (percent.lookingAt()) {
                        kind = NumberKind.PERCENT;
                        end = percent.end();
                    }
                }
            }
            if (kind == NumberKind.PLAIN) {
                Matcher after = CURRENCY_AFTER.matcher(current).region(end, current.length());
                after.useTransparentBounds(true);
                if (after.lookingAt() && (after.group("word") != null || CODES.contains(after.group("code")))) {
                    String named = after.group("code") != null
                            ? after.group("code")
                            : WORDS.get(after.group("word").toLowerCase(Locale.ROOT));
                    if (currency != null && !currency.equals(named)) {
                        return "'" + text(current, start, after.end()) + "' names two currencies";
                    }
                    currency = named;
                    end = after.end();
                }
            }
            if (currency != null) {
                if (kind != NumberKind.PLAIN) {
                    return "'" + text(current, start, end) + "' mixes a currency with another unit";
                }
                kind = NumberKind.MONEY;
                if (sheet.currency() == null) {
                    return "'" + text(current, start, end) + "' names a currency but the billing currency is unknown";
                }
                if (!currency.equals(sheet.currency())) {
                    return "'" + text(current, start, end) + "' is in " + currency + " but the bill is in "
                            + sheet.currency();
                }
            }
            if (kind == NumberKind.MULTIPLIER) {
                return "multiplier '" + text(current, start, end) + "' is a computed figure";
            }
            found.add(
                    new Occurrence(start, end, text(current, start, end), kind, value, halfUnit, rounded, null, false));
            fill(work, start, end, FIGURE);
        }
        return null;
    }

    private static String text(String current, int start, int end) {
        return current.substring(start, end).strip();
    }

    private static String symbolCurrency(char symbol, String prefix) {
        return switch (symbol) {
            case '$' ->
                switch (prefix) {
                    case "C", "CA" -> "CAD";
                    case "A", "AU" -> "AUD";
                    case "NZ" -> "NZD";
                    case "HK" -> "HKD";
                    case "S", "SG" -> "SGD";
                    default -> "USD";
                };
            case '€' -> "EUR";
            case '£' -> "GBP";
            case '¥' -> "JPY";
            default -> "INR";
        };
    }

    private static double scale(String suffix) {
        return switch (suffix) {
            case "k", "K", "thousand" -> 1e3;
            case "M", "mn", "million" -> 1e6;
            case "B", "bn", "billion" -> 1e9;
            default -> 1e12;
        };
    }

    private boolean matchesAFact(Occurrence occurrence, Set<Cue> cues) {
        for (Figure figure : sheet.figures().values()) {
            double magnitude = Math.abs(figure.value());
            double inUnits = switch (occurrence.kind()) {
                case MONEY -> figure.kind() == Figure.Kind.MONEY ? magnitude : Double.NaN;
                case PERCENT ->
                    figure.kind() == Figure.Kind.RATIO
                            ? magnitude * 100
                            : figure.kind() == Figure.Kind.PERCENT ? magnitude : Double.NaN;
                case PLAIN ->
                    figure.kind() == Figure.Kind.COUNT
                                    || figure.kind() == Figure.Kind.SCALAR
                                    || figure.kind() == Figure.Kind.RATIO
                            ? magnitude
                            : Double.NaN;
                case ORDINAL -> figure.kind() == Figure.Kind.COUNT ? magnitude : Double.NaN;
                case MULTIPLIER -> Double.NaN;
            };
            if (!Double.isNaN(inUnits) && within(occurrence, inUnits) && labelFits(figure, cues)) {
                return true;
            }
        }
        if (occurrence.kind() == NumberKind.PLAIN
                && occurrence.halfUnit() == 0.5
                && occurrence.value() >= 1900
                && occurrence.value() < 2200) {
            for (LocalDate date : sheet.dates()) {
                if (date.getYear() == occurrence.value()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean within(Occurrence occurrence, double fact) {
        double allowed = occurrence.halfUnit();
        if (occurrence.rounded()) {
            allowed = Math.min(allowed, Math.max(0.005 * fact, 0.5));
        }
        return Math.abs(occurrence.value() - fact) <= allowed + 1e-9 * Math.max(1, fact);
    }

    private static boolean labelFits(Figure figure, Set<Cue> cues) {
        boolean monthly = cues.contains(Cue.MONTHLY);
        boolean annual = cues.contains(Cue.ANNUAL);
        return switch (figure.kind()) {
            case MONEY ->
                switch (figure.label()) {
                    case MONTHLY -> monthly && !annual;
                    case ANNUAL -> annual && !monthly;
                    case EXPECTED -> cues.contains(Cue.EXPECTED) && !cues.contains(Cue.ACTUAL) && !monthly && !annual;
                    case ACTUAL ->
                        !cues.contains(Cue.EXPECTED)
                                && !monthly
                                && !annual
                                && !cues.contains(Cue.INCREASE)
                                && !cues.contains(Cue.DECREASE);
                    case CHANGE ->
                        !monthly
                                && !annual
                                && (!cues.contains(Cue.EXPECTED) && !cues.contains(Cue.ACTUAL)
                                        || cues.contains(Cue.INCREASE)
                                        || cues.contains(Cue.DECREASE))
                                && !(cues.contains(Cue.INCREASE) && figure.value() < 0)
                                && !(cues.contains(Cue.DECREASE) && figure.value() > 0);
                    default -> !monthly && !annual;
                };
            case RATIO, PERCENT ->
                figure.label() == Figure.Label.CONFIDENCE
                        ? cues.contains(Cue.CONFIDENCE) && !cues.contains(Cue.RISK)
                        : !cues.contains(Cue.RISK);
            case COUNT, SCALAR -> true;
        };
    }

    private static Set<Cue> cues(String masked, List<int[]> boundaries, Occurrence occurrence) {
        int from = 0;
        int to = masked.length();
        for (int[] boundary : boundaries) {
            if (boundary[1] <= occurrence.start()) {
                from = Math.max(from, boundary[1]);
            } else if (boundary[0] >= occurrence.end()) {
                to = Math.min(to, boundary[0]);
            }
        }
        String clause = masked.substring(from, to);
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        for (Cue cue : Cue.values()) {
            if (cue.pattern.matcher(clause).find()) {
                cues.add(cue);
            }
        }
        return cues;
    }

    private String renderTextSlots(String text) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            Figure figure = sheet.figures().get(slot.group(1));
            String value = figure != null ? slot.group() : sheet.texts().get(slot.group(1));
            slot.appendReplacement(out, Matcher.quoteReplacement(value == null ? slot.group() : value));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static boolean containsLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void fill(char[] work, int start, int end, char with) {
        for (int i = start; i < end; i++) {
            work[i] = with;
        }
    }
}
