/**
 * The contract between the recommendation engine and its rules: {@link dev.costagent.core.recommend.spi.RecommendationRule}
 * (implement it to add a rule), the {@link dev.costagent.core.recommend.spi.RuleContext} a rule reads, and the values
 * the context hands out. The engine implements the context; rules depend on this package and on
 * {@code recommend.model}, never on the engine.
 */
package dev.costagent.core.recommend.spi;
