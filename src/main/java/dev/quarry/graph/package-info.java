/**
 * Weighted account graphs and the algorithms on them (connected components, community detection,
 * dense-subgraph peeling). Pure computation: may use {@code model} only.
 */
package dev.quarry.graph;
