package dev.costagent.perf.report;

import java.util.Objects;

/**
 * One requirement checked against a measurement, as shown in reports: what was measured against what was required.
 *
 * @param requirement what was checked, e.g. {@code "efficiency at 2 workers"}
 * @param measured    the measured value with its unit, e.g. {@code "0.93"}
 * @param required    the bound with its comparison, e.g. {@code ">= 0.85"}
 * @param met         whether the requirement holds
 * @param note        context a reader needs to judge the figure (may be empty), e.g. that the worker count exceeds
 *                    the available processors
 */
public record Check(String requirement, String measured, String required, boolean met, String note) {

    /** Validates. */
    public Check {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(required, "required");
        note = note == null ? "" : note;
    }

    /** A check without a note. */
    public static Check of(String requirement, String measured, String required, boolean met) {
        return new Check(requirement, measured, required, met, "");
    }

    /** One line such as {@code "efficiency at 8 workers: measured 0.31, required >= 0.85 (8 > 2 cores)"}. */
    public String describe() {
        return requirement + ": measured " + measured + ", required " + required
                + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
