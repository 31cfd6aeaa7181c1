/**
 * The import wizard screen: extract files previewed with their detected format, kind, timestamp style
 * and column mapping, named mapping presets, the import in the task panel, and its summary with the
 * rejected rows. Reads through {@code ingest} ({@code ExtractPreview}, {@code Importer}) and {@code store}.
 */
package dev.quarry.ui.importwizard;
