package dev.costagent.core.recommend.model;

/**
 * The kinds of saving costagent recommends, in dedupe precedence order: when several apply to one resource, an
 * earlier kind that removes the resource ({@link #TERMINATE_IDLE}, {@link #STOP_IDLE}) wins outright; among the
 * others the larger saving wins.
 */
public enum RecommendationType {
    /** Delete a resource that does nothing (CPU p95 ≤ 5% and never busy). */
    TERMINATE_IDLE,
    /** Stop a resource that is idle but shows occasional use, so it can be started on demand. */
    STOP_IDLE,
    /**
     * Move to the cheapest type that fits measured CPU p95 (≤ 80% projected) and memory p95 (+20% headroom): same
     * family first, then a cheaper family with the memory needed; burstable types against their baseline.
     */
    RIGHTSIZE,
    /** Turn a non-production resource off outside working hours. */
    SCHEDULE,
    /** Run an interruption-tolerant workload on spot capacity. */
    SPOT_CANDIDATE,
    /** Move storage to a cheaper class (e.g. EBS gp2 to gp3). */
    STORAGE_TIER,
    /**
     * Buy a commitment for one provider and billing account, sized by simulation on the on-demand compute left after
     * the other actions and unused commitments.
     */
    COMMITMENT_PURCHASE,
    /** Put an underused commitment to work, or do not renew it. */
    UNUSED_COMMITMENT,
    /** Find the cause of an unexpected rise in spend (an estimated impact, never added to savings totals). */
    INVESTIGATE_ANOMALY;

    /** Whether this kind removes the resource, so it beats every other kind for the same resource. */
    public boolean removesResource() {
        return this == TERMINATE_IDLE || this == STOP_IDLE;
    }
}
