package org.zstack.test.integration.network

import org.zstack.header.core.Completion
import org.zstack.header.errorcode.ErrorCode
import org.zstack.header.network.l2.L2NetworkAttachExtensionPoint
import org.zstack.header.network.l2.L2NetworkInventory

/**
 * Stands in for the KVM hosts' bridge check (no host agent takes part in the network cases): passes unless a case
 * arms it with an error, and records what it was asked. It answers on another thread, as an agent call would.
 */
class ScriptedL2NetworkAttachExtension implements L2NetworkAttachExtensionPoint {
    volatile ErrorCode failWith
    final List<List<String>> calls = Collections.synchronizedList([])

    @Override
    void beforeAttach(L2NetworkInventory l2, String clusterUuid, Completion completion) {
        calls.add([l2.uuid, clusterUuid])
        ErrorCode e = failWith
        Thread.start("scripted-l2-attach-check") {
            if (e != null) {
                completion.fail(e)
            } else {
                completion.success()
            }
        }
    }
}
