package org.zstack.tag;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SystemTagTest {
    private final SystemTag cidr = new SystemTag("conversion::network::cidr::{cidr}", Object.class);
    private final SystemTag two = new SystemTag("a::{x}::b::{y}", Object.class);

    @Test
    void parsesTokensWithOrWithoutBracesAndKeepsColonsInTheLastToken() {
        assertEquals("10.0.0.0/24", cidr.parse("conversion::network::cidr::10.0.0.0/24").get("cidr"));
        assertEquals("10.0.0.0/24", cidr.parse("conversion::network::cidr::{10.0.0.0/24}").get("cidr"));
        assertEquals("fd66:6:6:6::/64", cidr.parse("conversion::network::cidr::fd66:6:6:6::/64").get("cidr"));
        assertEquals(Map.of("x", "1", "y", "2"), two.parse("a::1::b::2"));
        assertNull(cidr.parse("other::tag"));
    }

    @Test
    void findsAndInstantiates() {
        assertEquals("conversion::network::cidr::1.2.3.0/24", cidr.findTag(List.of("x::y", "conversion::network::cidr::1.2.3.0/24")));
        assertNull(cidr.findTag(null));
        assertEquals("a::p::b::q", two.instantiate(Map.of("x", "p", "y", "q")));
    }
}
