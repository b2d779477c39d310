package org.zstack.agent.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.Secret;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

class AgentOptionsAndMaskTest {
    @Test
    void optionsBeatPropertiesWhichBeatDefaults() {
        AgentConfig d = AgentOptions.parse(new String[0], new Properties());
        // loopback by default: every address (0.0.0.0) only when asked for
        assertEquals(new AgentConfig("127.0.0.1", 7070, "qemu:///system", Path.of("/var/lib/zstack-v2v-agent"),
                Path.of("/var/lib/zstack-v2v-agent/host.secret")), d);
        assertEquals("0.0.0.0", AgentOptions.parse(new String[]{"--host", "0.0.0.0"}, new Properties()).host());

        Properties p = new Properties();
        p.setProperty("agent.host", "10.0.0.1");
        p.setProperty("agent.port", "7171");
        p.setProperty("agent.libvirt.uri", "test:///default");
        p.setProperty("agent.stateDir", "/tmp/a");
        assertEquals(new AgentConfig("10.0.0.1", 7171, "test:///default", Path.of("/tmp/a")),
                AgentOptions.parse(new String[0], p));

        AgentConfig c = AgentOptions.parse(new String[]{"--host", "127.0.0.3", "--port=0", "--state-dir", "/tmp/b",
                "--libvirt-uri", "qemu:///session"}, p);
        assertEquals(new AgentConfig("127.0.0.3", 0, "qemu:///session", Path.of("/tmp/b")), c);
        assertEquals(Path.of("/etc/zstack/h.secret"), AgentOptions.parse(new String[]{"--secret-file", "/etc/zstack/h.secret"},
                p).secretFile());

        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(new String[]{"--port", "x"}, p));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(new String[]{"--bogus", "1"}, p));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(new String[]{"--host"}, p));
    }

    static class Inner {
        public String name;
        @Secret
        public String key;
    }

    @Secret
    static class Ticket {
        public String value;
    }

    static class Cmd {
        @Secret
        public String password;
        public String user;
        public List<Inner> inners;
        public Map<String, Inner> byName;
        public Inner[] array;
        public Ticket ticket;
    }

    @Test
    void secretValuesAreMaskedAtAnyDepth() {
        JsonElement in = JsonParser.parseString("{\"password\":\"p1\",\"user\":\"u\",\"inners\":[{\"name\":\"a\",\"key\":\"k1\"}],"
                + "\"byName\":{\"x\":{\"name\":\"b\",\"key\":\"k2\"}},\"array\":[{\"key\":\"k3\"}],\"ticket\":{\"value\":\"t\"}}");
        String out = SecretMasker.mask(in, Cmd.class).toString();
        for (String secret : new String[]{"p1", "k1", "k2", "k3", "\"t\""}) {
            assertFalse(out.contains(secret), secret + " in " + out);
        }
        assertTrue(out.contains("\"user\":\"u\"") && out.contains("\"name\":\"a\"") && out.contains("\"name\":\"b\""), out);
        assertTrue(in.toString().contains("p1"), "the original is left alone");
    }
}
