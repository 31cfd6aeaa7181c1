package dev.quarry.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1", "\r=1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)"})
    void prefixesCellsASpreadsheetWouldRunAsAFormula(String cell) {
        assertEquals("'" + cell, SpreadsheetSafe.text(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acct-17", "shares card 4242 with 3 accounts", "'already quoted", " =1", "", "1-2"})
    void leavesOrdinaryTextAlone(String cell) {
        assertEquals(cell, SpreadsheetSafe.text(cell));
    }
}
