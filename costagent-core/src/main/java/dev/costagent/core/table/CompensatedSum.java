package dev.costagent.core.table;

/**
 * Neumaier's compensated summation: the rounding error of each addition is kept and added back at the end, so a sum
 * of millions of doubles stays within about one rounding of the exact total. Used for every total the table reports.
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    /** The rounding error of {@code sum + value}, whose rounded result is {@code newSum}. */
    static double error(double sum, double value, double newSum) {
        return Math.abs(sum) >= Math.abs(value) ? (sum - newSum) + value : (value - newSum) + sum;
    }

    /** Adds a value. */
    void add(double value) {
        double t = sum + value;
        compensation += error(sum, value, t);
        sum = t;
    }

    /** The compensated total. */
    double value() {
        return sum + compensation;
    }
}
