/**
 * The recommendation rules, one class per kind of saving, each documenting its formula, and the
 * {@link dev.costagent.core.recommend.spi.RuleContext} through which they share the billing queries of a run.
 * The extension point is {@link dev.costagent.core.recommend.spi.RecommendationRule}.
 */
package dev.costagent.core.recommend.rules;
