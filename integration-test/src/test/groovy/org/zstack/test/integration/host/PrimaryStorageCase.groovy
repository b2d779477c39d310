package org.zstack.test.integration.host

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.*
import org.zstack.test.integration.kernel.RestCaseSupport

import java.nio.file.Files
import java.nio.file.Path

/**
 * Primary storage measured by real agents, and L2 networks checked on real hosts. NFS cannot be mounted on this
 * machine (its kernel has no NFS client), so the NFS case checks the failure path: the attach is refused with the
 * host's own mount error and nothing is left attached.
 */
class PrimaryStorageCase {
    static HostEnv env
    static HostInventory host1
    static HostInventory host2

    @BeforeAll
    static void boot() {
        env = new HostEnv()
        env.agent("127.0.0.2")
        env.agent("127.0.0.3")
        host1 = env.addHost("127.0.0.2")
        host2 = env.addHost("127.0.0.3")
    }

    @AfterAll
    static void shutdown() {
        env?.stop()
    }

    private static PrimaryStorageInventory ps(String uuid) {
        new QueryPrimaryStorageAction(conditions: ["uuid=${uuid}".toString()], sessionId: env.session).call()
                .throwExceptionIfError().value.inventories[0] as PrimaryStorageInventory
    }

    @Test
    void localStorageAddsUpTheDirectoriesOfItsHosts() {
        Path dir = Files.createTempDirectory("ps").resolve("local")
        def added = new AddLocalPrimaryStorageAction(name: "local", url: dir.toString(), zoneUuid: env.zone.uuid, sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert added.type == "LocalStorage"
        assert added.totalCapacity == 0

        def attached = new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: added.uuid,
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert Files.isDirectory(dir): "each host's agent created the directory"
        long fsTotal = Files.getFileStore(dir).totalSpace
        assert attached.totalCapacity == 2 * fsTotal: "two hosts, each with its own directory (here on one disk)"
        assert attached.availableCapacity > 0
        assert attached.attachedClusterUuids == [env.cluster.uuid]

        def twice = new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: added.uuid,
                sessionId: env.session).call()
        assert twice.error.code == "SYS.1007"

        // a host that joins the cluster later gets the storage while it connects
        env.agent("127.0.0.4")
        def host3 = env.addHost("127.0.0.4")
        assert ps(added.uuid).totalCapacity == 3 * fsTotal

        def refused = new DeletePrimaryStorageAction(uuid: added.uuid, sessionId: env.session).call()
        assert refused.error.code == "SYS.1006"

        def detached = new DetachPrimaryStorageFromClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: added.uuid,
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert detached.totalCapacity == 0
        assert detached.attachedClusterUuids.isEmpty()
        new DeletePrimaryStorageAction(uuid: added.uuid, sessionId: env.session).call().throwExceptionIfError()
        new DeleteHostAction(uuid: host3.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    void nfsThatNoHostCanMountIsNotAttached() {
        def nfs = new AddNfsPrimaryStorageAction(name: "nfs", url: "127.0.0.1:/no/such/export", zoneUuid: env.zone.uuid,
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert nfs.mountPath.endsWith(nfs.uuid)
        def r = new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: nfs.uuid,
                sessionId: env.session).call()
        assert r.error != null
        assert r.error.details.contains("cannot use primary storage")
        assert ps(nfs.uuid).attachedClusterUuids.isEmpty()
        new DeletePrimaryStorageAction(uuid: nfs.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    void badPrimaryStorageInput() {
        def rel = new AddLocalPrimaryStorageAction(name: "x", url: "relative/dir", zoneUuid: env.zone.uuid, sessionId: env.session).call()
        assert rel.error.code == "SYS.1007"
        // the url's pattern (@APIParam validRegexValues): the SDK refuses before sending, and so does the server
        try {
            new AddNfsPrimaryStorageAction(name: "x", url: "/just/a/path", zoneUuid: env.zone.uuid, sessionId: env.session).call()
            assert false: "the SDK sends no NFS url without a server"
        } catch (ApiException e) {
            assert e.message.contains("url")
        }
        def notNfs = RestCaseSupport.callAndPoll(env.node, env.session, "POST", "/v1/primary-storage/nfs",
                [params: [name: "x", url: "/just/a/path", zoneUuid: env.zone.uuid]])
        RestCaseSupport.assertError(notNfs, 503, "SYS.1007")
        def zone2 = new CreateZoneAction(name: "other", sessionId: env.session).call().throwExceptionIfError().value.inventory
        def other = new AddLocalPrimaryStorageAction(name: "other", url: "/tmp/other-ps", zoneUuid: zone2.uuid, sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        def cross = new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: other.uuid,
                sessionId: env.session).call()
        assert cross.error.code == "SYS.1007"
        new DeleteZoneAction(uuid: zone2.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert new QueryPrimaryStorageAction(conditions: ["uuid=${other.uuid}".toString()], sessionId: env.session)
                .call().value.inventories.isEmpty(): "the zone took its primary storage with it"
    }

    @Test
    void anL2NetworkJoinsAClusterOnlyIfEveryHostHasItsInterface() {
        def lo = new CreateL2NoVlanNetworkAction(name: "lo", zoneUuid: env.zone.uuid, physicalInterface: "lo", sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        new AttachL2NetworkToClusterAction(l2NetworkUuid: lo.uuid, clusterUuid: env.cluster.uuid, sessionId: env.session)
                .call().throwExceptionIfError()
        def none = new CreateL2NoVlanNetworkAction(name: "none", zoneUuid: env.zone.uuid, physicalInterface: "nope0", sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        def r = new AttachL2NetworkToClusterAction(l2NetworkUuid: none.uuid, clusterUuid: env.cluster.uuid, sessionId: env.session).call()
        assert r.error != null
        assert r.error.cause.details.contains("nope0")
    }
}
