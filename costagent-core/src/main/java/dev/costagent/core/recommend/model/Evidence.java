package dev.costagent.core.recommend.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a recommendation's numbers were derived, so every dollar can be traced to the data.
 *
 * @param rule the rule's name, e.g. {@code rightsize.cpu-p95}
 * @param formula the savings formula in words and symbols, e.g. {@code monthlyCost × (1 − targetPrice/currentPrice)}
 * @param inputs the named values the formula used (numbers, strings), in presentation order
 */
public record Evidence(String rule, String formula, Map<String, Object> inputs) {

    /** Copies the inputs, keeping their order. */
    public Evidence {
        requireNonNull(rule, "rule");
        requireNonNull(formula, "formula");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** This evidence with one more input. */
    public Evidence with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(inputs);
        more.put(name, value);
        return new Evidence(rule, formula, more);
    }
}
