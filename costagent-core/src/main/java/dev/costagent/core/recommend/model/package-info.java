/**
 * The values of a recommendation run: {@link dev.costagent.core.recommend.model.Recommendation} with its
 * {@link dev.costagent.core.recommend.model.Evidence}, type, risk, effort and horizon, and the
 * {@link dev.costagent.core.recommend.model.AnomalySignal}s the analysis stage hands to the rules.
 */
package dev.costagent.core.recommend.model;
