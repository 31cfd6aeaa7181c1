/**
 * The session of an open case that every screen shares ({@link dev.quarry.ui.session.CaseSession}):
 * the case, the run shown, the selection and the running tasks, plus what screens read of the case.
 */
package dev.quarry.ui.session;
