package dev.costagent.perf.result;

/** How load is generated. */
public enum LoadModel {
    /** A fixed number of users, each starting its next call when the previous one returns. */
    CLOSED,
    /** Calls start on a schedule of intended times, however slowly the system answers. */
    OPEN
}
