package dev.quarry.ui.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountPageNumbersTest {

    @Test
    void countsReadAsCountsAndRatesKeepThreeDecimals() {
        assertEquals("621", AccountPageView.number(621.0));
        assertEquals("15,952,353", AccountPageView.number(15_952_353.0));
        assertEquals("0", AccountPageView.number(0.0));
        assertEquals("88.714", AccountPageView.number(88.7142857));
        assertEquals("0.964", AccountPageView.number(0.9641));
        assertEquals("—", AccountPageView.number(Double.NaN));
    }
}
