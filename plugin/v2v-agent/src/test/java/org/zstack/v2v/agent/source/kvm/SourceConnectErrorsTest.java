package org.zstack.v2v.agent.source.kvm;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.agent.ssh.SshIdentity;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.zstack.v2v.agent.source.kvm.SourceConnectErrors.Kind.*;

/** The messages are libvirt 9's, as virsh shows them for the same URIs. */
class SourceConnectErrorsTest {
    static final LibvirtUri URI = LibvirtUri.parse("qemu+ssh://root@10.0.0.5:2222/system");

    @Test
    void classifiesLibvirtsMessages() {
        assertEquals(AUTHENTICATION, SourceConnectErrors.kind(
                "Cannot recv data: root@10.0.0.5: Permission denied (publickey).: Connection reset by peer"));
        assertEquals(AUTHENTICATION, SourceConnectErrors.kind("Cannot recv data: Host key verification failed."));
        assertEquals(UNREACHABLE, SourceConnectErrors.kind(
                "Cannot recv data: ssh: connect to host 10.0.0.5 port 1: Connection refused: Connection reset by peer"));
        assertEquals(UNREACHABLE, SourceConnectErrors.kind("Cannot recv data: ssh: Could not resolve hostname"
                + " nosuch.invalid: Name or service not known: Connection reset by peer"));
        assertEquals(UNREACHABLE, SourceConnectErrors.kind("unable to connect to server at '10.0.0.5:1': Connection"
                + " refused"));
        assertEquals(UNREACHABLE, SourceConnectErrors.kind("Unable to resolve address 'x.invalid' service '16509':"
                + " Name or service not known"));
        assertEquals(UNREACHABLE, SourceConnectErrors.kind("ssh: connect to host 10.0.0.9 port 22: No route to host"));
        assertEquals(LIBVIRT_REFUSED, SourceConnectErrors.kind("End of file while reading data: nc:"
                + " /var/run/libvirt/libvirt-sock: No such file or directory: Input/output error"));
        assertEquals(LIBVIRT_REFUSED, SourceConnectErrors.kind("Failed to connect socket to"
                + " '/var/run/libvirt/libvirt-sock': Connection refused"));
        assertEquals(LIBVIRT_REFUSED, SourceConnectErrors.kind("Cannot recv data: sh: 1: nc: not found: Connection"
                + " reset by peer"));
        assertEquals(OTHER, SourceConnectErrors.kind("Cannot read CA certificate '/etc/pki/CA/cacert.pem'"));
        assertEquals(OTHER, SourceConnectErrors.kind(null));
    }

    @Test
    void messagesNameTheProblemAndShowTheReasonWithoutTransportNoise() {
        String auth = SourceConnectErrors.connectFailed(URI, "Cannot recv data: root@10.0.0.5: Permission denied"
                + " (publickey).: Connection reset by peer").getMessage();
        assertEquals("cannot connect to qemu+ssh://root@10.0.0.5:2222/system: authentication failed, the source host"
                + " did not accept the SSH key (root@10.0.0.5: Permission denied (publickey).)", auth);
        String down = SourceConnectErrors.connectFailed(URI, "Cannot recv data: ssh: connect to host 10.0.0.5 port"
                + " 2222: Connection refused: Connection reset by peer").getMessage();
        assertTrue(down.contains("the host 10.0.0.5 is unreachable (ssh: connect to host 10.0.0.5 port 2222:"
                + " Connection refused)"), down);
        String noDaemon = SourceConnectErrors.connectFailed(URI, "End of file while reading data: nc:"
                + " /var/run/libvirt/libvirt-sock: No such file or directory: Input/output error").getMessage();
        assertTrue(noDaemon.contains("libvirt on 10.0.0.5 refused the connection, is libvirtd running there?"),
                noDaemon);
        String slow = SourceConnectErrors.timedOut(URI, Duration.ofSeconds(30)).getMessage();
        assertTrue(slow.contains("no answer within 30 s"), slow);
    }

    @Test
    void theKeyFilesPathIsScrubbed() {
        try (SshIdentity id = SshIdentity.write("-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE"
                + " KEY-----")) {
            String m = "Warning: Identity file " + id.path() + " not accessible: No such file or directory.";
            String scrubbed = SourceLibvirt.scrub(m, id);
            assertFalse(scrubbed.contains(id.path().toString()), scrubbed);
            assertTrue(scrubbed.contains("<key file>"), scrubbed);
        }
    }

    @Test
    void versionsOfTheTools() {
        assertEquals("7.2.22", ConversionHostCaps.parseVersion("qemu-img version 7.2.22 (Debian 1:7.2+dfsg-7)"));
        assertEquals("2.2.0", ConversionHostCaps.parseVersion("virt-v2v 2.2.0"));
        assertEquals("1.48.6", ConversionHostCaps.parseVersion("guestfish 1.48.6"));
        assertNull(ConversionHostCaps.parseVersion("no version here"));
        assertNull(ConversionHostCaps.parseVersion(null));
        assertEquals("9.0.0", ListKvmVmsCommand.version(9_000_000));
        assertEquals("7.2.22", ListKvmVmsCommand.version(7_002_022));
        assertNull(ListKvmVmsCommand.version(0));
        ConversionHostCaps caps = ConversionHostCaps.probe(tool -> tool.equals("nbdkit") ? null : "1.0");
        assertNull(caps.nbdkit);
        assertEquals("1.0", caps.libguestfs);
        assertTrue(caps.sshTransfer);
    }
}
