package dev.costagent.core.recommend.model;

/** How much work acting on a recommendation takes. */
public enum Effort {
    /** A console click or one API call. */
    LOW,
    /** A change that needs testing or a maintenance window. */
    MEDIUM,
    /** A project: approvals, purchases or re-architecture. */
    HIGH
}
