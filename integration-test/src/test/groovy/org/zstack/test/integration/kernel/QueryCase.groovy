package org.zstack.test.integration.kernel

import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.zone.ZoneState
import org.zstack.header.zone.ZoneVO
import org.zstack.sdk.ClusterInventory
import org.zstack.sdk.CreateClusterAction
import org.zstack.sdk.CreateZoneAction
import org.zstack.sdk.QueryClusterAction
import org.zstack.sdk.QueryZoneAction
import org.zstack.sdk.UpdateZoneAction
import org.zstack.sdk.ZoneInventory
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import java.util.concurrent.TimeUnit

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * GET queries: every operator, paging, counting, sorting, field selection, GET by uuid, and what a bad or hostile
 * q= gets (SYS.1007, or nothing, and never a change). Raw HTTP and the SDK both.
 */
class QueryCase {
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    /** name → uuid of the zones this case made; names are lower case so that every collation orders them alike. */
    static Map<String, String> zones = [:]
    static Map<String, String> clusters = [:]

    @BeforeAll
    static void boot() {
        [["qz-alpha", "first zone", true], ["qz-beta", "second zone", false], ["qz-delta", null, false],
         ["qz-epsilon", "fifth zone", false], ["qz-gamma", null, false]].each { name, desc, isDefault ->
            if (isDefault) {
                // the SDK's CreateZoneAction has no isDefault: raw HTTP
                HttpResult r = callAndPoll(node, session, "POST", "/v1/zones", [params: [name: name, description: desc, isDefault: true]])
                assert r.json.inventory.isDefault == true
                zones[name] = r.json.inventory.uuid
            } else {
                def a = new CreateZoneAction(name: name, description: desc, sessionId: session)
                zones[name] = a.call().throwExceptionIfError().value.inventory.uuid
            }
        }
        [["qc-one", "qz-alpha"], ["qc-two", "qz-alpha"], ["qc-three", "qz-beta"]].each { name, zone ->
            def a = new CreateClusterAction(name: name, zoneUuid: zones[zone], hypervisorType: "KVM", sessionId: session)
            clusters[name] = a.call().throwExceptionIfError().value.inventory.uuid
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, "UTF-8").replace("+", "%20")
    }

    /** GET /v1/<resources>?q=...&q=...&extra, encoded as the SDK encodes it. */
    private static HttpResult query(String resources, List<String> q, Map<String, String> extra = [:]) {
        List<String> parts = q.collect { "q=" + enc(it) }
        extra.each { k, v -> parts << "${k}=${enc(v)}".toString() }
        return node.http("GET", "/v1/${resources}" + (parts ? "?" + parts.join("&") : ""), null, oauth(session))
    }

    private static List<String> names(HttpResult r) {
        assert r.status == 200: r.toString()
        return r.json.inventories*.name
    }

    private static List<String> zoneNames(String... q) {
        return names(query("zones", q as List)).sort()
    }

    @Test
    void everyOperatorSelectsWhatItSays() {
        assert zoneNames("name=qz-beta") == ["qz-beta"]
        assert zoneNames("name!=qz-beta") == ["qz-alpha", "qz-delta", "qz-epsilon", "qz-gamma"]
        assert zoneNames("name>qz-delta") == ["qz-epsilon", "qz-gamma"]
        assert zoneNames("name<qz-delta") == ["qz-alpha", "qz-beta"]
        assert zoneNames("name>=qz-delta") == ["qz-delta", "qz-epsilon", "qz-gamma"]
        assert zoneNames("name<=qz-delta") == ["qz-alpha", "qz-beta", "qz-delta"]
        assert zoneNames("name?=qz-alpha,qz-gamma,nothing") == ["qz-alpha", "qz-gamma"]
        assert zoneNames("name!?=qz-alpha,qz-gamma") == ["qz-beta", "qz-delta", "qz-epsilon"]
        assert zoneNames("name~=qz-%ta") == ["qz-beta", "qz-delta"]
        assert zoneNames("name~=%a") == ["qz-alpha", "qz-beta", "qz-delta", "qz-gamma"]
        assert zoneNames("name!~=%a") == ["qz-epsilon"]
        assert zoneNames("name!~=qz-%") == []
        assert zoneNames("description is null") == ["qz-delta", "qz-gamma"]
        assert zoneNames("description not null") == ["qz-alpha", "qz-beta", "qz-epsilon"]
        assert zoneNames("isDefault=true") == ["qz-alpha"]
        assert zoneNames("isDefault!=true") == ["qz-beta", "qz-delta", "qz-epsilon", "qz-gamma"]
        assert zoneNames("uuid=${zones['qz-delta']}") == ["qz-delta"]
        assert zoneNames("state=Enabled").size() == 5
        // conditions are and-ed
        assert zoneNames("name~=qz-%", "description not null", "name>qz-b") == ["qz-beta", "qz-epsilon"]
        // a value may contain operator characters
        assert zoneNames("description=first zone") == ["qz-alpha"]
        assert zoneNames("description=a=b<c") == []

        assert names(query("clusters", ["zoneUuid=${zones['qz-alpha']}".toString()])).sort() == ["qc-one", "qc-two"]
        assert names(query("clusters", ["hypervisorType=KVM", "name!=qc-one"])).sort() == ["qc-three", "qc-two"]
        assert names(query("clusters", ["zoneUuid?=${zones['qz-beta']},${zones['qz-gamma']}".toString()])) == ["qc-three"]
        // a cluster created without an architecture gets x86_64
        assert names(query("clusters", ["architecture not null", "architecture=x86_64"])).size() == 3
        assert names(query("clusters", ["architecture is null"])) == []
    }

    @Test
    void theSdkSendsTheSameConditions() {
        def r = new QueryZoneAction(conditions: ["name~=qz-%", "description not null", "name!=qz-epsilon"],
                sortBy: "name", sortDirection: "desc", sessionId: session).call().throwExceptionIfError().value
        assert r.inventories*.name == ["qz-beta", "qz-alpha"]
        assert r.inventories.every { it instanceof ZoneInventory }

        def counted = new QueryZoneAction(conditions: ["name?=qz-alpha,qz-beta"], count: true, sessionId: session)
                .call().throwExceptionIfError().value
        assert counted.total == 2
        assert !counted.inventories

        def paged = new QueryZoneAction(sortBy: "name", limit: 2, start: 1, replyWithCount: true, sessionId: session)
                .call().throwExceptionIfError().value
        assert paged.inventories*.name == ["qz-beta", "qz-delta"]
        assert paged.total == 5

        def cl = new QueryClusterAction(conditions: ["zoneUuid=${zones['qz-beta']}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        assert cl.size() == 1 && cl[0] instanceof ClusterInventory && cl[0].name == "qc-three"

        def bad = new QueryZoneAction(conditions: ["noSuchField=1"], sessionId: session).call()
        assert bad.error?.code == "SYS.1007"
    }

    @Test
    void limitStartCountAndReplyWithCount() {
        assert names(query("zones", [], [sort: "+name", limit: "2"])) == ["qz-alpha", "qz-beta"]
        assert names(query("zones", [], [sort: "+name", limit: "2", start: "2"])) == ["qz-delta", "qz-epsilon"]
        assert names(query("zones", [], [sort: "+name", start: "4"])) == ["qz-gamma"]
        assert names(query("zones", [], [start: "10"])) == []
        assert names(query("zones", [], [limit: "0"])) == []

        HttpResult count = query("zones", ["name~=qz-%"], [count: "true"])
        assert count.status == 200
        assert count.json == [total: 5]

        HttpResult both = query("zones", ["name~=qz-%"], [replyWithCount: "true", limit: "1"])
        assert both.json.total == 5
        assert both.json.inventories.size() == 1

        HttpResult plain = query("zones", [])
        assert !plain.json.containsKey("total")
    }

    @Test
    void sortAscendingAndDescending() {
        List<String> all = ["qz-alpha", "qz-beta", "qz-delta", "qz-epsilon", "qz-gamma"]
        // '+' must arrive encoded as %2B: URLEncoder does that
        assert names(query("zones", [], [sort: "+name"])) == all
        assert names(query("zones", [], [sort: "-name"])) == all.reverse()
        assert names(query("zones", [], [sort: "name"])) == all
        // a raw, unencoded '+' is decoded to a space by the server; it still sorts ascending
        HttpResult lax = node.http("GET", "/v1/zones?sort=+name", null, oauth(session))
        assert names(lax) == all
        assertError(query("zones", [], [sort: "+noSuchField"]), 503, "SYS.1007")
    }

    @Test
    void fieldsKeepsOnlyThoseKeysAndTheSchemaStillTypesThem() {
        HttpResult r = query("zones", ["name?=qz-alpha,qz-beta"], [fields: "uuid,name", sort: "+name"])
        assert r.status == 200
        assert r.json.inventories.every { it.keySet() == ["uuid", "name"] as Set }
        assert r.json.schema == ["inventories[0]": "org.zstack.header.zone.ZoneInventory",
                                 "inventories[1]": "org.zstack.header.zone.ZoneInventory"]

        def viaSdk = new QueryZoneAction(conditions: ["name=qz-alpha"], fields: ["uuid", "name"], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        assert viaSdk[0] instanceof ZoneInventory
        assert viaSdk[0].uuid == zones["qz-alpha"] && viaSdk[0].name == "qz-alpha" && viaSdk[0].state == null

        assertError(query("zones", [], [fields: "uuid,noSuchField"]), 503, "SYS.1007")
    }

    @Test
    void getByUuid() {
        HttpResult r = node.http("GET", "/v1/zones/${zones['qz-gamma']}", null, oauth(session))
        assert r.status == 200: r.toString()
        assert r.json.inventories.size() == 1
        assert r.json.inventories[0].name == "qz-gamma"
        assert r.json.schema == ["inventories[0]": "org.zstack.header.zone.ZoneInventory"]

        HttpResult none = node.http("GET", "/v1/zones/${newJobUuid()}", null, oauth(session))
        assert none.status == 200
        assert none.json.inventories == []
        assert !none.json.containsKey("schema")

        assert node.http("GET", "/v1/clusters/${clusters['qc-two']}", null, oauth(session)).json.inventories[0].name == "qc-two"
    }

    @Test
    void anUnknownFieldOrAWronglyTypedValueIsSys1007() {
        for (List<String> q : [["noSuchField=1"], ["name=qz-alpha", "password=x"], ["isDefault=maybe"], ["isDefault>1"],
                               ["state=Sleeping"], ["createDate>yesterday"], ["isDefault~=t%"], ["zone.name=qz-alpha"]]) {
            assertError(query("zones", q), 503, "SYS.1007")
        }
        assertError(query("zones", ["noSuchField is null"]), 503, "SYS.1007")
        assertError(query("zones", [], [limit: "-1"]), 503, "SYS.1007")
        assertError(query("zones", [], [start: "-1"]), 503, "SYS.1007")
        // what cannot even be read as a query is a 400
        for (String bad : ["q=name", "q=", "limit=ten", "start=1.5", "count=perhaps", "replyWithCount=yes"]) {
            HttpResult r = node.http("GET", "/v1/zones?${bad}", null, oauth(session))
            assert r.status == 400: "${bad}: ${r}"
            assertNoInternals(r)
        }
        // a broken percent-encoding cannot even be sent by java.net.http: a raw request
        for (String target : ["/zstack/v1/zones?q=%ZZ", "/zstack/v1/zones/%ZZ"]) {
            HttpResult r = rawGet(node, target, ["Authorization": "OAuth " + session])
            assert r.status == 400: "${target}: ${r}"
            assertNoInternals(r)
        }
    }

    @Test
    void sqlLookingTextMatchesNothingAndChangesNothing() {
        long zoneTotal = zoneCount(node)
        long clusterTotal = clusterCount(node)
        List<String> hostile = [
                "name=x' OR '1'='1",
                "name=a;DROP TABLE ZoneVO",
                "name=qz-alpha'; DELETE FROM ZoneVO; --",
                "name~=%' OR 1=1 --",
                "name?=qz-alpha') OR ('1'='1",
                "description=\" OR \"\"=\"",
                "uuid=1 UNION SELECT * FROM AccountVO",
        ]
        for (String q : hostile) {
            HttpResult r = query("zones", [q])
            assert r.status == 200: "${q}: ${r}"
            assert r.json.inventories == []: q
        }
        // the injection is in a field name: refused before any SQL is built
        for (String q : ["name) OR (1=1=x", "name;DROP TABLE ZoneVO=x", "v.name=x", "1=1"]) {
            HttpResult r = query("zones", [q])
            assert r.status in [400, 503]: "${q}: ${r}"
            assertNoInternals(r)
        }
        for (String sort : ["+name;DROP TABLE ZoneVO", "-name desc, uuid", "+(select 1)"]) {
            assertError(query("zones", [], [sort: sort]), 503, "SYS.1007")
        }
        assertError(query("zones", [], [fields: "name,(select password from AccountVO)"]), 503, "SYS.1007")

        assert zoneCount(node) == zoneTotal
        assert clusterCount(node) == clusterTotal
        assert zoneNames("name~=qz-%").size() == 5
        // and the names are still what they were
        assert new QueryZoneAction(conditions: ["name=qz-alpha"], sessionId: session).call().value.inventories.size() == 1
    }

    @Test
    void datesInConditionsTakeEpochMillisTheGsonFormAndIso8601() {
        long dayAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1)
        assert zoneNames("createDate>${dayAgo}") == zones.keySet().sort()
        assert zoneNames("createDate<${dayAgo}") == []
        assert zoneNames("createDate>Jan 1, 2000 12:00:00 AM") == zones.keySet().sort()
        assert zoneNames("createDate<2000-01-01T00:00:00Z") == []
        assert zoneNames("lastOpDate>=2000-01-01T00:00:00+08:00") == zones.keySet().sort()
    }

    @Test
    void theDefaultLimitIs1000() {
        DatabaseFacade dbf = node.bean(DatabaseFacade)
        dbf.transactionVoid { em ->
            for (int i = 0; i < 1001; i++) {
                em.persist(new ZoneVO(uuid: newJobUuid(), name: String.format("bulk-%04d", i), state: ZoneState.Enabled, type: "zstack"))
            }
        }
        try {
            HttpResult r = query("zones", ["name~=bulk-%"], [replyWithCount: "true"])
            assert r.json.inventories.size() == 1000
            assert r.json.total == 1001
            assert r.json.schema.size() == 1000
            assert query("zones", ["name~=bulk-%"], [limit: "1001"]).json.inventories.size() == 1001
        } finally {
            dbf.transactionVoid { em -> em.createQuery("delete from ZoneVO v where v.name like 'bulk-%'").executeUpdate() }
        }
        assert zoneCount(node) == 5
    }

    @Test
    void aQueryAfterAnUpdateSeesTheChange() {
        String uuid = zones["qz-epsilon"]
        new UpdateZoneAction(uuid: uuid, description: "fifth zone, updated", sessionId: session).call().throwExceptionIfError()
        assert zoneNames("description~=%updated") == ["qz-epsilon"]
        new UpdateZoneAction(uuid: uuid, description: "fifth zone", sessionId: session).call().throwExceptionIfError()
        assert zoneNames("description~=%updated") == []
    }
}
