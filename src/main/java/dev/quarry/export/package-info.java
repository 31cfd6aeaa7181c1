/**
 * Evidence packets: the CSV files and manifest of DESIGN.md (and the PDF packet), with spreadsheet
 * formulas neutralized and every file hashed. May use {@code store} and {@code model}.
 */
package dev.quarry.export;
