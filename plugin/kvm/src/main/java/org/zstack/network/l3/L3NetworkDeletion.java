package org.zstack.network.l3;

import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.network.l3.*;

import java.util.Collection;

import static org.zstack.core.Platform.operr;

/**
 * Deleting L3 networks, alone or with their L2 network or zone. The rows go explicitly, children first, in the
 * caller's transaction, rather than by trusting the database's cascades alone.
 */
public final class L3NetworkDeletion {
    private L3NetworkDeletion() {
    }

    /** In Permissive mode, refuses while an address of the networks is in use: its owner still counts on it. */
    public static void check(Collection<String> l3NetworkUuids, DeletionMode mode, String what) {
        if (mode != DeletionMode.Permissive || l3NetworkUuids.isEmpty()) {
            return;
        }
        long used = Q.New(UsedIpVO.class).in(UsedIpVO_.l3NetworkUuid, l3NetworkUuids).count();
        if (used > 0) {
            UsedIpVO one = Q.New(UsedIpVO.class).in(UsedIpVO_.l3NetworkUuid, l3NetworkUuids).find();
            throw new OperationFailureException(operr("cannot delete %s: %d IP address(es) are in use (ip %s of"
                    + " l3Network[uuid:%s] by %s); delete with deleteMode=Enforcing to release them", what, used,
                    one.getIp(), one.getL3NetworkUuid(), one.getOwnerUuid()));
        }
    }

    /** Call inside dbf.transaction so the whole deletion is one. */
    public static void delete(Collection<String> l3NetworkUuids) {
        if (l3NetworkUuids.isEmpty()) {
            return;
        }
        Q.New(UsedIpVO.class).in(UsedIpVO_.l3NetworkUuid, l3NetworkUuids).delete();
        Q.New(IpRangeVO.class).in(IpRangeVO_.l3NetworkUuid, l3NetworkUuids).delete();
        Q.New(L3NetworkVO.class).in(L3NetworkVO_.uuid, l3NetworkUuids).delete();
    }

    public static void deleteInTransaction(DatabaseFacade dbf, Collection<String> l3NetworkUuids) {
        dbf.transactionVoid(em -> delete(l3NetworkUuids));
    }
}
