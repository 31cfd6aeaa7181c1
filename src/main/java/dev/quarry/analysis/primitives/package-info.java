/** Compact primitive collections, sorting and hashing the engine uses at millions of events. */
package dev.quarry.analysis.primitives;
