package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.ssh.SshIdentity;

import java.net.URI;
import java.util.Locale;

/**
 * Picks the transfer for a source disk by its URL's scheme: {@code https} (VMware: NFC export or datastore) or
 * {@code ssh} (a KVM/libvirt host, through qemu-nbd there). A new kind of source is one more case here and a class of
 * its own; the transfer command does not change. Holds what the command's disks of one kind share (the SSH key file)
 * until closed.
 */
final class DiskTransfers implements AutoCloseable {
    private final TransferCommand.TransferCmd cmd;
    private final TransferContext ctx;
    /** Written on the first SSH disk, for all of them; removed on close. */
    private SshIdentity sshIdentity;

    DiskTransfers(TransferCommand.TransferCmd cmd, TransferContext ctx) {
        this.cmd = cmd;
        this.ctx = ctx;
    }

    DiskTransfer create(TransferCommand.SourceDisk disk) {
        String scheme = scheme(disk);
        return switch (scheme) {
            case "https" -> new HttpsDiskCopy(disk, ctx);
            case "ssh" -> new SshDiskCopy(disk, SshDiskUrl.parse(disk.index, disk.url), sshIdentity(), ctx);
            default -> throw new AgentException(String.format("disk %d: unsupported url scheme %s", disk.index, scheme));
        };
    }

    private static String scheme(TransferCommand.SourceDisk disk) {
        String scheme;
        try {
            scheme = URI.create(disk.url.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            // a URL URI cannot parse may still show its scheme; the transfer's own parser explains the rest
            int colon = disk.url.indexOf(':');
            scheme = colon > 0 ? disk.url.substring(0, colon) : null;
        }
        if (scheme == null) {
            throw new AgentException(String.format("disk %d: the url has no scheme", disk.index));
        }
        return scheme.toLowerCase(Locale.ROOT);
    }

    private SshIdentity sshIdentity() {
        if (sshIdentity == null) {
            sshIdentity = SshIdentity.write(cmd.sshPrivKey);
        }
        return sshIdentity;
    }

    @Override
    public void close() {
        if (sshIdentity != null) {
            sshIdentity.close();
        }
    }
}
