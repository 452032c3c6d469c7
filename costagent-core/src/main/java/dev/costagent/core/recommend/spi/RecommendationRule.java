package dev.costagent.core.recommend.spi;

import dev.costagent.core.recommend.model.Recommendation;
import java.util.List;

/**
 * One way of finding savings. Rules read billing data only through the {@link RuleContext} (whose queries they share)
 * and must be stateless, so one rule instance serves many concurrent runs. Add your own through
 * {@code RecommendationEngine.builder().rule(...)}.
 */
public interface RecommendationRule {

    /** A stable name for evidence and logs, e.g. {@code rightsize.cpu-p95}. */
    String name();

    /**
     * Whether the rule sizes its recommendations on what is left after the other rules' exclusive actions (the
     * commitment rules: a purchase must not cover usage the report also removes). Such rules run second, and read
     * the kept actions from {@link RuleContext#plannedActions()}.
     */
    default boolean sizedAfterActions() {
        return false;
    }

    /** The recommendations this rule makes in one run; unranked, before dedupe and the minimum saving. */
    List<Recommendation> evaluate(RuleContext context);
}
