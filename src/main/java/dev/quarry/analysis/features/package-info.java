/**
 * Per-account behaviour features computed from the scan, their standardization, and the models fitted
 * on them (isolation forest, k-means clusters, the account map).
 */
package dev.quarry.analysis.features;
