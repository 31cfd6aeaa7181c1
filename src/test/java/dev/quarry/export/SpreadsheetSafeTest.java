package dev.quarry.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1", "\r=1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)",
            " =1", "   +1", "\u3000\uFF1D1", "\u00A0@x", "\n=1", "  \t1"})
    void prefixesCellsASpreadsheetWouldRunAsAFormula(String cell) {
        assertEquals("'" + cell, SpreadsheetSafe.text(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acct-17", "shares card 4242 with 3 accounts", "'already quoted", "", "1-2", "  plain", "a=b"})
    void leavesOrdinaryTextAlone(String cell) {
        assertEquals(cell, SpreadsheetSafe.text(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1", "  -2", "\uFF20x", "ordinary", "'quoted"})
    void originalUndoesTheNeutralisation(String cell) {
        assertEquals(cell, SpreadsheetSafe.original(SpreadsheetSafe.text(cell)));
    }
}
