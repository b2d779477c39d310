package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import static org.junit.jupiter.api.Assertions.*;

class SshDiskUrlTest {
    @Test
    void theFullFormGivesEveryPartWithThePathDecoded() {
        SshDiskUrl u = SshDiskUrl.parse(1,
                "ssh://admin@kvm-1.example.com:2222/var/lib/libvirt/images/my%20vm%27s.qcow2?format=qcow2&forceShare=true");
        assertEquals("admin", u.user());
        assertEquals("kvm-1.example.com", u.host());
        assertEquals(2222, u.port());
        assertEquals("/var/lib/libvirt/images/my vm's.qcow2", u.path());
        assertEquals("qcow2", u.format());
        assertTrue(u.forceShare());
        assertEquals("admin@kvm-1.example.com:2222/var/lib/libvirt/images/my vm's.qcow2", u.shown());
    }

    @Test
    void userAndPortDefaultAsInALibvirtUri() {
        SshDiskUrl u = SshDiskUrl.parse(0, "ssh://10.0.0.5/images/d.img?format=raw");
        assertEquals("root", u.user());
        assertEquals(22, u.port());
        assertEquals("raw", u.format());
        assertFalse(u.forceShare());
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        assertEquals("fd00::5", SshDiskUrl.parse(0, "ssh://root@[fd00::5]:22/d.qcow2?format=qcow2").host());
    }

    @Test
    void badUrlsAreRefusedNamingTheDisk() {
        String[] bad = {
                "ssh://root@h/d.qcow2",                              // no format
                "ssh://root@h/d.qcow2?format=vmdk",                  // not qcow2 or raw
                "ssh://root@h/d.qcow2?format=qcow2&forceShare=maybe",
                "ssh://root@h/d.qcow2?format=qcow2&backing=x",       // unknown parameter
                "ssh://root@-oProxyCommand=x/d?format=raw",          // an option for a host
                "ssh://-l@h/d?format=raw",                           // an option for a user
                "ssh://root:secret@h/d?format=raw",                  // a password
                "ssh://root@h?format=raw",                           // no path
                "ssh://root@h/a%0Ab?format=raw",                     // a newline in the path
                "ssh:relative",
        };
        for (String u : bad) {
            AgentException e = assertThrows(AgentException.class, () -> SshDiskUrl.parse(3, u), u);
            assertTrue(e.getMessage().startsWith("disk 3: bad ssh url: "), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void theRemoteCommandQuotesThePathForTheRemoteShell() {
        SshDiskUrl u = SshDiskUrl.parse(0, "ssh://root@h/x/it%27s%20%24(rm%20-rf).qcow2?format=qcow2");
        SshNbdTunnel t = new SshNbdTunnel(0, u, null, null, null, null, null);
        String cmd = t.remoteCommand();
        assertTrue(cmd.endsWith(" v2v-nbd '/x/it'\\''s $(rm -rf).qcow2' 'qcow2' ''"), cmd);
        assertFalse(SshNbdTunnel.REMOTE_SCRIPT.contains("'"), "the script travels inside single quotes");
        assertFalse(SourceNbdServer.STOP_SCRIPT.contains("'"), "so does the stop script");
    }
}
