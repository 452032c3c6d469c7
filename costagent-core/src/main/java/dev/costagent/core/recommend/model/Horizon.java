package dev.costagent.core.recommend.model;

/** When a recommendation pays off: now, with little risk, or as a planned piece of work. */
public enum Horizon {
    /** Low effort and low risk: act this week. */
    QUICK_WIN,
    /** Anything else: plan it. */
    STRATEGIC
}
