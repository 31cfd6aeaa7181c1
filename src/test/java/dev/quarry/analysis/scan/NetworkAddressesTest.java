package dev.quarry.analysis.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NetworkAddressesTest {

    @ParameterizedTest
    @CsvSource({"203.0.113.77, 203.0.113.0/24", "2001:db8:abcd:12::1, 2001:db8:abcd::/48", "2001:DB8::1, 2001:db8:0::/48",
            "::1, 0:0:0::/48"})
    void groupsAddressesByTheirProviderPrefix(String ip, String prefix) {
        assertEquals(prefix, NetworkAddresses.prefix(ip));
    }

    @Test
    void rejectsTextThatIsNoAddress() {
        assertNull(NetworkAddresses.prefix("not-an-ip"));
        assertNull(NetworkAddresses.prefix("1.2.3"));
    }

    @Test
    void emailShapeKeepsDomainAndRunStructure() {
        assertEquals("a4.a3d4@example.com", NetworkAddresses.emailPattern("Jane.Doe1987@Example.com"));
        assertEquals(NetworkAddresses.emailPattern("user123456@quickmail.test"), NetworkAddresses.emailPattern("abcd987654@quickmail.test"));
        assertNull(NetworkAddresses.emailPattern("no-at-sign"));
    }
}
