package dev.costagent.perf.spi;

import java.util.Objects;

/**
 * The outcome of one {@link Requirement} on one result: what was measured against what was required.
 *
 * @param requirement what was checked, such as {@code "p99 response time"}
 * @param measured    the measured value, formatted with its unit, such as {@code "212.4 ms"}
 * @param required    the bound, formatted with its comparison, such as {@code "<= 200 ms"}
 * @param met         whether the requirement holds
 */
public record Verdict(String requirement, String measured, String required, boolean met) {

    /** Validates the verdict. */
    public Verdict {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(required, "required");
    }

    /** One line such as {@code "p99 response time: measured 212.4 ms, required <= 200 ms"}. */
    public String describe() {
        return requirement + ": measured " + measured + ", required " + required;
    }
}
