package dev.costagent.datagen;

/** What a resource planted in a {@link FleetScenario} is, and so what a recommender should (not) say about it. */
public enum PlantedKind {
    /** A running instance doing nothing (CPU p95 ≤ 5%): terminate or stop; saves its whole cost. */
    IDLE,
    /** An instance far bigger than its load (CPU p95 < 40%): rightsize within its family. */
    OVER_PROVISIONED,
    /** A commitment discount of which a share goes unused every hour. */
    UNUSED_COMMITMENT,
    /** A dev or test instance (tag {@code env}) running 24x7 with a healthy load: schedule it off-hours. */
    ALWAYS_ON_NON_PRODUCTION,
    /** A control: a production instance sized right. Nothing should be recommended. */
    HEALTHY,
    /** A control: a production instance too small for its load. No saving should be recommended. */
    UNDER_PROVISIONED
}
