/**
 * Evidence packets: the CSV files and manifest of DESIGN.md, with spreadsheet formulas neutralized and
 * every file hashed; the PDF packet (PDFBox) an investigator reads and hands on; and the check of a
 * packet against its manifest. Reads stored runs through {@code analysis.RunStore}; may use
 * {@code analysis}, {@code store} and {@code model}.
 */
package dev.quarry.export;
