package org.zstack.test.integration.kernel

import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.sdk.*
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

class ZoneClusterCase {
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    @Test
    void createQueryUpdateDeleteZoneWithItsClusters() {
        def cz = new CreateZoneAction(name: "zone-a", description: "first", sessionId: session)
        ZoneInventory zone = cz.call().throwExceptionIfError().value.inventory
        assert zone.name == "zone-a"
        assert zone.state == "Enabled"

        def cc = new CreateClusterAction(zoneUuid: zone.uuid, name: "cluster-a", hypervisorType: "KVM", sessionId: session)
        ClusterInventory cluster = cc.call().throwExceptionIfError().value.inventory
        assert cluster.zoneUuid == zone.uuid
        assert cluster.type == "zstack"

        def q = new QueryClusterAction(conditions: ["zoneUuid=${zone.uuid}".toString()], sessionId: session)
        def clusters = q.call().throwExceptionIfError().value.inventories
        assert clusters.size() == 1
        assert clusters[0] instanceof ClusterInventory

        def uz = new UpdateZoneAction(uuid: zone.uuid, name: "zone-b", sessionId: session)
        assert uz.call().throwExceptionIfError().value.inventory.name == "zone-b"

        new DeleteZoneAction(uuid: zone.uuid, sessionId: session).call().throwExceptionIfError()
        assert new QueryClusterAction(conditions: ["uuid=${cluster.uuid}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories.isEmpty()
    }
}
