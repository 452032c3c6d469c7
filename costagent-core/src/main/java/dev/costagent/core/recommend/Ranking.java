package dev.costagent.core.recommend;

import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Horizon;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RiskLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders recommendations by a documented score, and tells quick wins from strategic work.
 *
 * <pre>
 * score = monthlySavings × confidence × riskWeight(risk) × effortWeight(effort)
 *   riskWeight:   LOW 1.0, MEDIUM 0.75, HIGH 0.5   (configurable)
 *   effortWeight: LOW 1.0, MEDIUM 0.85, HIGH 0.7   (configurable)
 * quick win  ⇔ effort LOW ∧ risk LOW ∧ confidence ≥ quickWinConfidence (0.7)
 * </pre>
 *
 * Ties break by larger monthly savings, then by id, so the order is the same on every run.
 *
 * @param riskWeights weights indexed by {@link RiskLevel#ordinal()}
 * @param effortWeights weights indexed by {@link Effort#ordinal()}
 * @param quickWinConfidence the least confidence a quick win needs
 */
public record Ranking(double[] riskWeights, double[] effortWeights, double quickWinConfidence) {

    /** The documented default weights. */
    public static final Ranking DEFAULT =
            new Ranking(new double[] {1.0, 0.75, 0.5}, new double[] {1.0, 0.85, 0.7}, 0.7);

    /** Validates and copies the weights. */
    public Ranking {
        if (riskWeights.length != RiskLevel.values().length || effortWeights.length != Effort.values().length) {
            throw new IllegalArgumentException("need one weight per risk level and per effort");
        }
        riskWeights = riskWeights.clone();
        effortWeights = effortWeights.clone();
    }

    /** The score of one recommendation. */
    public double score(Recommendation r) {
        return r.monthlySavings()
                * r.confidence()
                * riskWeights[r.risk().ordinal()]
                * effortWeights[r.effort().ordinal()];
    }

    /** The horizon of one recommendation. */
    public Horizon horizon(Recommendation r) {
        return r.effort() == Effort.LOW && r.risk() == RiskLevel.LOW && r.confidence() >= quickWinConfidence
                ? Horizon.QUICK_WIN
                : Horizon.STRATEGIC;
    }

    /** Scores, classifies and sorts, best first. */
    public List<Recommendation> rank(List<Recommendation> recommendations) {
        List<Recommendation> ranked = new ArrayList<>(recommendations.size());
        for (Recommendation r : recommendations) {
            ranked.add(r.ranked(Recommendation.cents(score(r)), horizon(r)));
        }
        ranked.sort(Comparator.comparingDouble(Recommendation::score)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Recommendation::monthlySavings)
                        .reversed())
                .thenComparing(Recommendation::id));
        return List.copyOf(ranked);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ranking other
                && java.util.Arrays.equals(riskWeights, other.riskWeights)
                && java.util.Arrays.equals(effortWeights, other.effortWeights)
                && quickWinConfidence == other.quickWinConfidence;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(riskWeights) * 31 + java.util.Arrays.hashCode(effortWeights);
    }

    @Override
    public String toString() {
        return "Ranking[risk=" + java.util.Arrays.toString(riskWeights) + ", effort="
                + java.util.Arrays.toString(effortWeights) + ", quickWinConfidence=" + quickWinConfidence + "]";
    }
}
