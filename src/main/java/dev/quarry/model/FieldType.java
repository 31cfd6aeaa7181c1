package dev.quarry.model;

/** How a canonical field is typed in the case file. Timestamps are stored as epoch milliseconds UTC. */
public enum FieldType {
    TEXT, INTEGER, REAL, TIMESTAMP
}
