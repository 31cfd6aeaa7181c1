/**
 * The composition root: the {@code main} that assembles the command line from {@code cli} and adds
 * the {@code gui} command from {@code ui}. The only package that sees both.
 */
package dev.quarry.app;
