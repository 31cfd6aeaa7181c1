/**
 * The vocabulary every layer shares: canonical event and account fields, progress reporting and
 * cancellation for long work. Depends on nothing of Quarry's and on no library.
 */
package dev.quarry.model;
