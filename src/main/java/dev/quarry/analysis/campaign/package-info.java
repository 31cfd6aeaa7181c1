/**
 * Campaign assembly: the account graph of all signals' links, its communities, the judgement of each
 * candidate group on exact evidence, the shaping of communities into operations, and the reasons an
 * investigator reads.
 */
package dev.quarry.analysis.campaign;
