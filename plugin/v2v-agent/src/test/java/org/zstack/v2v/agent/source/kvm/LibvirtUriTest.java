package org.zstack.v2v.agent.source.kvm;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LibvirtUriTest {
    @Test
    void acceptsTheThreeRemoteTransports() {
        LibvirtUri ssh = LibvirtUri.parse("qemu+ssh://root@10.0.0.5:2222/system");
        assertTrue(ssh.isSsh());
        assertEquals("10.0.0.5", ssh.host());
        assertEquals("qemu+ssh://root@10.0.0.5:2222/system?keyfile=/tmp/k/id&no_verify=1&no_tty=1",
                ssh.connectUri(Path.of("/tmp/k/id")));
        assertEquals("qemu+ssh://root@10.0.0.5:2222/system", ssh.toString(), "shown without our parameters");
        assertFalse(LibvirtUri.parse("qemu+tcp://kvm-7/system").isSsh());
        assertEquals("qemu+tls://kvm-7.example.com:16514/session",
                LibvirtUri.parse(" qemu+tls://kvm-7.example.com:16514/session ").connectUri());
    }

    @Test
    void refusesWithTheReason() {
        assertInvalid("qemu:///system", "scheme");
        assertInvalid("qemu+unix:///system", "scheme");
        assertInvalid("esx://vc/system", "scheme");
        assertInvalid("qemu+ssh:///system", "no host");
        assertInvalid("qemu+ssh://host/", "path");
        assertInvalid("qemu+ssh://host", "path");
        assertInvalid("qemu+ssh://host/system?keyfile=/etc/shadow", "query");
        assertInvalid("qemu+ssh://host/system?command=/bin/sh", "query");
        assertInvalid("qemu+ssh://host/system?socket=/x", "query");
        assertInvalid("qemu+ssh://host/system?", "query");
        assertInvalid("qemu+ssh://host/system#x", "fragment");
        assertInvalid("qemu+tcp://root@host/system", "only meaningful for qemu+ssh");
        assertInvalid("qemu+ssh://-oProxyCommand=x@host/system", "user name");
        assertInvalid("qemu+ssh://host name/system", "not valid");
        assertInvalid("", "required");
        assertInvalid(null, "required");
    }

    @Test
    void aPasswordInTheUriIsRefusedAndNotEchoed() {
        AgentException e = assertThrows(AgentException.class,
                () -> LibvirtUri.parse("qemu+ssh://root:s3cret@host/system"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    private static void assertInvalid(String uri, String why) {
        AgentException e = assertThrows(AgentException.class, () -> LibvirtUri.parse(uri), uri);
        assertTrue(e.getMessage().contains(why), e.getMessage());
        if (uri != null && !uri.isBlank()) {
            assertTrue(e.getMessage().startsWith("libvirtURI " + uri.strip() + " is not valid: "), e.getMessage());
        }
    }
}
