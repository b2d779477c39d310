package org.zstack.test.integration.host

import org.zstack.sdk.*
import org.zstack.testlib.AgentProcess
import org.zstack.testlib.LogCapture
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.Wait

/** A node whose hosts are agent processes on loopback addresses; a zone and a KVM cluster to put them in. */
class HostEnv {
    final int agentPort = AgentProcess.freePort()
    final NodeExtension zstack
    final ZoneInventory zone
    final ClusterInventory cluster
    final List<AgentProcess> agents = []

    /** extra: more of the node's zstack.properties; captureLog: keep what the node logs ({@link #getLog}). */
    HostEnv(Map<String, String> extra = [:], boolean captureLog = false) {
        zstack = new NodeExtension([
                "KVMHost.skipDeploy"  : "true",
                "KVMAgent.port"       : String.valueOf(agentPort),
                "management.server.ip": "127.0.0.1",
        ] + AgentProcess.NODE_PROPERTIES + extra)
        if (captureLog) {
            zstack.capturingLog()
        }
        zstack.start()
        zone = new CreateZoneAction(name: "zone", sessionId: session).call().throwExceptionIfError().value.inventory
        cluster = new CreateClusterAction(zoneUuid: zone.uuid, name: "cluster", hypervisorType: "KVM", sessionId: session)
                .call().throwExceptionIfError().value.inventory
    }

    TestNode getNode() { zstack.node }

    String getSession() { zstack.session }

    LogCapture getLog() { zstack.log }

    AgentProcess agent(String ip) {
        AgentProcess a = new AgentProcess(ip, agentPort).start()
        agents.add(a)
        return a
    }

    HostInventory addHost(String ip, String name = "host-" + ip) {
        return new AddKVMHostAction(name: name, managementIp: ip, clusterUuid: cluster.uuid, username: "root",
                password: "password", sessionId: session).call().throwExceptionIfError().value.inventory
    }

    HostInventory host(String uuid) {
        def l = new QueryHostAction(conditions: ["uuid=${uuid}".toString()], sessionId: session).call().throwExceptionIfError().value.inventories
        return l.isEmpty() ? null : l[0] as HostInventory
    }

    void updateGlobalConfig(String category, String name, String value) {
        zstack.updateGlobalConfig(category, name, value)
    }

    static void waitUntil(long timeoutMs = 30000, Closure<Boolean> condition) {
        Wait.until(timeoutMs, condition)
    }

    void stop() {
        agents.each { it.stop() }
        zstack.stop()
    }
}
