package dev.costagent.core.recommend;

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
    /** Move to the smallest size of the same family that keeps projected CPU p95 ≤ 80%. */
    RIGHTSIZE,
    /** Turn a non-production resource off outside working hours. */
    SCHEDULE,
    /** Run an interruption-tolerant workload on spot capacity. */
    SPOT_CANDIDATE,
    /** Move storage to a cheaper class (e.g. EBS gp2 to gp3). */
    STORAGE_TIER,
    /** Buy a commitment (savings plan) for the stable baseline of on-demand compute spend. */
    COMMITMENT_PURCHASE,
    /** Put an underused commitment to work, or do not renew it. */
    UNUSED_COMMITMENT,
    /** Find the cause of an unexpected rise in spend. */
    INVESTIGATE_ANOMALY;

    /** Whether this kind removes the resource, so it beats every other kind for the same resource. */
    public boolean removesResource() {
        return this == TERMINATE_IDLE || this == STOP_IDLE;
    }
}
