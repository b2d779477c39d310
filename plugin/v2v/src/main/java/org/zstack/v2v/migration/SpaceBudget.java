package org.zstack.v2v.migration;

import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VErrors;

import java.util.HashMap;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * The space a submission needs, summed per conversion host cache and per primary storage over its jobs: every job
 * holds its disks' capacity in the cache while it runs and on the storage after. One instance per submission.
 */
class SpaceBudget {
    private final Map<String, Long> cacheNeeded = new HashMap<>();
    private final Map<String, Long> storageNeeded = new HashMap<>();

    /**
     * @param bytes          what the job migrates
     * @param reservedOnCache what the running jobs of the conversion host hold of its cache already
     */
    void take(String who, long bytes, V2VConversionHostVO ch, long reservedOnCache, PrimaryStorageVO ps) {
        cacheNeeded.merge(ch.getUuid(), bytes, Long::sum);
        storageNeeded.merge(ps.getUuid(), bytes, Long::sum);
        long cacheFree = ch.getAvailableSize() - reservedOnCache;
        if (cacheNeeded.get(ch.getUuid()) > cacheFree) {
            throw new OperationFailureException(err(V2VErrors.NOT_ENOUGH_SPACE, "%s: the cache path of conversion host %s has %d bytes"
                    + " free (after the reservations of running jobs), the migration needs %d", who, ch.getName(), cacheFree,
                    cacheNeeded.get(ch.getUuid())));
        }
        if (storageNeeded.get(ps.getUuid()) > ps.getAvailableCapacity()) {
            throw new OperationFailureException(err(V2VErrors.NOT_ENOUGH_SPACE, "%s: primary storage %s has %d bytes free,"
                    + " the migration needs %d", who, ps.getName(), ps.getAvailableCapacity(), storageNeeded.get(ps.getUuid())));
        }
    }
}
