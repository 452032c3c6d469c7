package dev.costagent.core.focus;

/** The value types of FOCUS columns as costagent stores them. */
public enum ColumnType {
    /** Free text or an identifier; dictionary-encoded in a table. */
    STRING,
    /** A decimal number (costs, quantities, unit prices). */
    DECIMAL,
    /** A UTC instant (ISO 8601, or {@code YYYY-MM-DD HH:MM:SS} taken as UTC). */
    TIMESTAMP,
    /** A JSON object of key/value tags. */
    TAGS
}
