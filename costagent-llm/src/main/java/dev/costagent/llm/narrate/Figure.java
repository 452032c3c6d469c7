package dev.costagent.llm.narrate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One numeric fact as the checker and the slot renderer see it.
 *
 * @param name the fact's name as sent to the model, e.g. {@code monthlySavings} or {@code tags.size}
 * @param kind what sort of figure it is
 * @param label what the figure measures, which the words around it must agree with
 * @param value the value
 */
record Figure(String name, Kind kind, Label label, double value) {

    /** What sort of figure a fact is; a number in the text may only stand for a fact of a compatible kind. */
    enum Kind {
        /** An amount in the billing currency. */
        MONEY,
        /** A fraction (0.3 means 30%). */
        RATIO,
        /** A value already in percent. */
        PERCENT,
        /** A whole number of things. */
        COUNT,
        /** Any other measure (a z-score). */
        SCALAR
    }

    /** What a figure measures, beyond its kind. */
    enum Label {
        /** Nothing more specific. */
        NONE,
        /** Per month. */
        MONTHLY,
        /** Per year. */
        ANNUAL,
        /** The actual amount of an anomaly. */
        ACTUAL,
        /** The expected (baseline) amount of an anomaly. */
        EXPECTED,
        /** A signed change: positive is an increase, negative a decrease. */
        CHANGE,
        /** A confidence, never a risk. */
        CONFIDENCE
    }

    private static final Pattern MONEY_NAME = Pattern.compile("cost|saving|spend|amount|impact|actual|expected"
            + "|monthtodate|endofmonth|lower\\d*|upper\\d*|contribution|price|charge|budget|bill|total");

    /** The kind and label a fact's name implies; a number that is neither money nor a ratio is a count or scalar. */
    static Figure of(String name, double value, boolean integral) {
        String key = name.toLowerCase(Locale.ROOT);
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        Kind kind;
        if (leaf.contains("percent") || leaf.contains("pct")) {
            kind = Kind.PERCENT;
        } else if (leaf.contains("confidence")
                || leaf.contains("ratio")
                || leaf.contains("share")
                || leaf.contains("probability")
                || leaf.endsWith("rate")) {
            kind = Kind.RATIO;
        } else if (MONEY_NAME.matcher(leaf).find()) {
            kind = Kind.MONEY;
        } else {
            kind = integral ? Kind.COUNT : Kind.SCALAR;
        }
        Label label = Label.NONE;
        if (kind == Kind.RATIO && leaf.contains("confidence")) {
            label = Label.CONFIDENCE;
        } else if (kind == Kind.MONEY) {
            if (leaf.contains("annual") || leaf.contains("yearly")) {
                label = Label.ANNUAL;
            } else if (leaf.contains("monthly")) {
                label = Label.MONTHLY;
            } else if (leaf.contains("expected") || leaf.contains("baseline")) {
                label = Label.EXPECTED;
            } else if (leaf.contains("actual")) {
                label = Label.ACTUAL;
            } else if (leaf.contains("impact") || leaf.contains("change") || leaf.contains("delta")) {
                label = Label.CHANGE;
            }
        }
        return new Figure(name, kind, label, value);
    }
}
