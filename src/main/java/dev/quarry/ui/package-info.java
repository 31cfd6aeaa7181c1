/**
 * The JavaFX workbench: views (controls, layout, bindings only) and their view models (JavaFX
 * properties that call the middle layer), and the background-task executor that keeps long work off
 * the FX thread. The only package that may use JavaFX.
 */
package dev.quarry.ui;
