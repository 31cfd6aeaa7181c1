/**
 * The case file: one SQLite database per investigation, created and migrated here, with the tables of
 * DESIGN.md (events, accounts, sources, rejected_rows) and Quarry's own (audit log, analysis runs).
 * Schema changes are numbered SQL scripts under {@code resources/dev/quarry/store/migrations}.
 * May use {@code model} only.
 */
package dev.quarry.store;
