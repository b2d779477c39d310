package org.zstack.network.l2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.errorcode.SysErrors;
import org.zstack.header.network.l2.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.zstack.core.Platform.*;

/**
 * Attaching an L2 network to a cluster, and detaching it. The checks run first; then every
 * L2NetworkAttachExtensionPoint in turn (the KVM hosts check their bridges); only then is the ref stored, so a
 * refusal leaves nothing behind. Called in the L2 network's queue.
 */
public class L2NetworkClusterAttacher {
    private static final Logger logger = LoggerFactory.getLogger(L2NetworkClusterAttacher.class);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ApplicationContext context;

    public void attach(String l2NetworkUuid, String clusterUuid, ReturnValueCompletion<L2NetworkInventory> completion) {
        L2NetworkVO l2 = l2(l2NetworkUuid);
        checkAttachable(l2, clusterUuid);
        L2NetworkInventory inv = L2NetworkInventory.valueOf(l2);
        List<L2NetworkAttachExtensionPoint> exts =
                new ArrayList<>(context.getBeansOfType(L2NetworkAttachExtensionPoint.class).values());
        runExtensions(exts.iterator(), inv, clusterUuid, new Completion() {
            @Override
            public void success() {
                try {
                    completion.success(storeRef(l2, clusterUuid));
                } catch (OperationFailureException e) {
                    completion.fail(e.getErrorCode());
                }
            }

            @Override
            public void fail(ErrorCode errorCode) {
                completion.fail(operr(errorCode, "cannot attach l2Network[uuid:%s] to cluster[uuid:%s]: %s",
                        l2NetworkUuid, clusterUuid, errorCode.getDetails()));
            }
        });
    }

    public L2NetworkInventory detach(String l2NetworkUuid, String clusterUuid) {
        L2NetworkVO l2 = l2(l2NetworkUuid);
        int n = Q.New(L2NetworkClusterRefVO.class).eq(L2NetworkClusterRefVO_.l2NetworkUuid, l2NetworkUuid)
                .eq(L2NetworkClusterRefVO_.clusterUuid, clusterUuid).delete();
        if (n == 0) {
            throw new OperationFailureException(operr("l2Network[uuid:%s] is not attached to cluster[uuid:%s]",
                    l2NetworkUuid, clusterUuid));
        }
        return L2NetworkInventory.valueOf(l2);
    }

    private void checkAttachable(L2NetworkVO l2, String clusterUuid) {
        ClusterVO cluster = dbf.findByUuid(clusterUuid, ClusterVO.class);
        if (cluster == null) {
            throw new OperationFailureException(err(SysErrors.RESOURCE_NOT_FOUND, "cluster[uuid:%s] not found", clusterUuid));
        }
        if (!cluster.getZoneUuid().equals(l2.getZoneUuid())) {
            throw new OperationFailureException(argerr("l2Network[uuid:%s] is in zone[uuid:%s] but cluster[uuid:%s] is in"
                    + " zone[uuid:%s]; they must be in the same zone", l2.getUuid(), l2.getZoneUuid(), clusterUuid,
                    cluster.getZoneUuid()));
        }
        List<String> attached = Q.New(L2NetworkClusterRefVO.class).eq(L2NetworkClusterRefVO_.clusterUuid, clusterUuid)
                .listValues(L2NetworkClusterRefVO_.l2NetworkUuid);
        if (attached.contains(l2.getUuid())) {
            throw new OperationFailureException(operr("l2Network[uuid:%s] is already attached to cluster[uuid:%s]",
                    l2.getUuid(), clusterUuid));
        }
        // two no-vlan networks on one interface would both claim it as their bridge's port
        if (!attached.isEmpty()) {
            L2NetworkVO same = Q.New(L2NetworkVO.class).in(L2NetworkVO_.uuid, attached)
                    .eq(L2NetworkVO_.type, L2NetworkConstant.L2_NO_VLAN_NETWORK_TYPE)
                    .eq(L2NetworkVO_.physicalInterface, l2.getPhysicalInterface()).find();
            if (same != null) {
                throw new OperationFailureException(operr("cluster[uuid:%s] already has l2Network[uuid:%s, name:%s] on"
                        + " physical interface %s", clusterUuid, same.getUuid(), same.getName(), l2.getPhysicalInterface()));
            }
        }
    }

    private L2NetworkInventory storeRef(L2NetworkVO l2, String clusterUuid) {
        L2NetworkClusterRefVO ref = new L2NetworkClusterRefVO();
        ref.setL2NetworkUuid(l2.getUuid());
        ref.setClusterUuid(clusterUuid);
        try {
            dbf.persist(ref);
        } catch (RuntimeException e) {
            // the cluster may have been deleted while the extensions ran; the foreign key refused the ref
            logger.debug("storing the ref of l2Network[uuid:{}] and cluster[uuid:{}] failed", l2.getUuid(), clusterUuid, e);
            String why = dbf.isExist(clusterUuid, ClusterVO.class) ? e.getMessage() : "the cluster is gone";
            throw new OperationFailureException(operr("cannot attach l2Network[uuid:%s] to cluster[uuid:%s]: %s",
                    l2.getUuid(), clusterUuid, why));
        }
        return L2NetworkInventory.valueOf(l2);
    }

    /** One extension after another; each must complete once, and a throw counts as a failure. */
    private void runExtensions(Iterator<L2NetworkAttachExtensionPoint> it, L2NetworkInventory inv, String clusterUuid,
                               Completion done) {
        if (!it.hasNext()) {
            done.success();
            return;
        }
        L2NetworkAttachExtensionPoint ext = it.next();
        AtomicBoolean completed = new AtomicBoolean();
        try {
            ext.beforeAttach(inv, clusterUuid, new Completion() {
                @Override
                public void success() {
                    if (completed.compareAndSet(false, true)) {
                        runExtensions(it, inv, clusterUuid, done);
                    }
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    if (completed.compareAndSet(false, true)) {
                        done.fail(errorCode);
                    }
                }
            });
        } catch (OperationFailureException e) {
            if (completed.compareAndSet(false, true)) {
                done.fail(e.getErrorCode());
            }
        } catch (RuntimeException e) {
            logger.warn(String.format("%s.beforeAttach threw", ext.getClass().getName()), e);
            if (completed.compareAndSet(false, true)) {
                done.fail(inerr("%s.beforeAttach threw %s", ext.getClass().getSimpleName(), e.getMessage()));
            }
        }
    }

    private L2NetworkVO l2(String uuid) {
        L2NetworkVO l2 = dbf.findByUuid(uuid, L2NetworkVO.class);
        if (l2 == null) {
            throw new OperationFailureException(err(SysErrors.RESOURCE_NOT_FOUND, "l2Network[uuid:%s] not found", uuid));
        }
        return l2;
    }
}
