package org.zstack.agent.vm;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * Chooses a disk's cache mode. {@code none} (O_DIRECT) is ZStack's and libvirt's recommendation for VM disks: no
 * second copy of the guest's page cache in the host's memory, memory use a host can plan for, and what a later live
 * migration on shared storage requires. But QEMU refuses to open a file with O_DIRECT on a filesystem without
 * it (tmpfs, some FUSE filesystems), so there the disk falls back to {@code writeback}, which is still safe: the
 * guest sees a volatile write cache and QEMU honours every flush it sends.
 * <p>The filesystem is asked directly, by opening the volume itself with O_DIRECT, rather than guessed from its
 * type: overlayfs, NFS and ext4 answer for themselves.
 */
final class DiskCachePolicy {
    private static final Logger logger = Logger.getLogger(DiskCachePolicy.class.getName());

    static final String NONE = "none";
    static final String WRITEBACK = "writeback";

    private DiskCachePolicy() {
    }

    static String choose(Path volume) {
        try (FileChannel ignored = FileChannel.open(volume, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            return NONE;
        } catch (IOException | UnsupportedOperationException e) {
            logger.info(String.format("%s cannot be opened with O_DIRECT (%s); using cache=writeback", volume, e));
            return WRITEBACK;
        }
    }
}
