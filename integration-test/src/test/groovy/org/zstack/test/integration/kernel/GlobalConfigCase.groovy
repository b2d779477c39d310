package org.zstack.test.integration.kernel

import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.sdk.ApiException
import org.zstack.sdk.GlobalConfigInventory
import org.zstack.sdk.LogInByAccountAction
import org.zstack.sdk.QueryGlobalConfigAction
import org.zstack.sdk.UpdateGlobalConfigAction
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import java.util.concurrent.TimeUnit

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * Global configs through the API: listed with their defaults, changed by UpdateGlobalConfig (the change takes effect
 * and survives a restart of the node), and refused when the value does not fit the definition.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class GlobalConfigCase {
    static final String PATH = "/v1/global-configurations/identity/session.timeout/actions"
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    private static GlobalConfigInventory sessionTimeout() {
        def r = new QueryGlobalConfigAction(conditions: ["category=identity", "name=session.timeout"], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        assert r.size() == 1
        assert r[0] instanceof GlobalConfigInventory
        return r[0]
    }

    /** Seconds from now to the expiry of a fresh login's session. */
    private static long freshSessionLifetime() {
        def s = new LogInByAccountAction(accountName: "admin", password: "password").call().throwExceptionIfError().value.inventory
        return TimeUnit.MILLISECONDS.toSeconds(s.expiredDate.time - System.currentTimeMillis())
    }

    /** The session a login makes now lives about ttl seconds (less what the request itself took). */
    private static void assertLifetime(long ttl) {
        long lifetime = freshSessionLifetime()
        assert lifetime >= ttl - 60 && lifetime <= ttl + 1: "a fresh session lives ${lifetime} s, not about ${ttl} s"
    }

    @Test
    @Order(1)
    void queryListsSessionTimeoutWithItsDefault() {
        GlobalConfigInventory c = sessionTimeout()
        assert c.category == "identity"
        assert c.name == "session.timeout"
        assert c.value == "7200"
        assert c.defaultValue == "7200"
        assert c.description

        HttpResult all = node.http("GET", "/v1/global-configurations", null, oauth(session))
        assert all.status == 200
        List inventories = all.json.inventories
        assert inventories.find { it.category == "identity" && it.name == "session.timeout" }.value == "7200"
        assert inventories.find { it.category == "rest" && it.name == "completedApi.expiredPeriod" }.defaultValue == "10800"
        inventories.eachWithIndex { inv, i ->
            assert all.json.schema["inventories[${i}]".toString()] == "org.zstack.core.config.GlobalConfigInventory"
        }
        assertLifetime(7200)
    }

    @Test
    @Order(2)
    void invalidValuesAreRefusedAndChangeNothing() {
        for (String value : ["abc", "59", "0", "-60", "1.5", "31536001", "", " ", "7200; DROP TABLE GlobalConfigVO"]) {
            HttpResult r = callAndPoll(node, session, "PUT", PATH, [updateGlobalConfig: [value: value]])
            assertError(r, 503, "SYS.1007")
        }
        def sdk = new UpdateGlobalConfigAction(category: "identity", name: "session.timeout", value: "forever", sessionId: session).call()
        assert sdk.error?.code == "SYS.1007"
        def unknown = new UpdateGlobalConfigAction(category: "identity", name: "no.such", value: "1", sessionId: session).call()
        assert unknown.error?.code == "SYS.1007"
        // value is mandatory: the SDK (generated from @APIParam) refuses before sending, and so does the server
        try {
            new UpdateGlobalConfigAction(category: "identity", name: "session.timeout", sessionId: session).call()
            assert false: "the SDK sends no UpdateGlobalConfig without a value"
        } catch (ApiException e) {
            assert e.message.contains("value")
        }
        assertError(callAndPoll(node, session, "PUT", PATH, [updateGlobalConfig: [:]]), 503, "SYS.1007")

        assert sessionTimeout().value == "7200"
        assertLifetime(7200)
    }

    /** An unbounded ping interval took 99999999999 s (never); every numeric config has a range now, named when refused. */
    @Test
    @Order(2)
    void everyNumericConfigIsBoundedAndTheRefusalNamesTheRange() {
        def facade = node.bean(org.zstack.core.config.GlobalConfigFacade)
        def numeric = facade.definitions.findAll { Number.isAssignableFrom(it.type()) }
        assert numeric.size() > 10
        def unbounded = numeric.findAll { it.min() == null || it.max() == null }
        assert unbounded.isEmpty(): "numeric global configs without <min> and <max>: ${unbounded*.identity()}"
        for (def d : numeric) {
            assert (d.defaultValue() as long) >= d.min() && (d.defaultValue() as long) <= d.max(): d.identity()
        }
        String path = "/v1/global-configurations/kvm/ping.interval/actions"
        for (String value : ["99999999999", "86401", "0", "1e3", "NaN", "+60", "60.0"]) {
            Map error = assertError(callAndPoll(node, session, "PUT", path, [updateGlobalConfig: [value: value]]), 503, "SYS.1007")
            assert error.details.contains("[1, 86400]"): error
        }
        assert new QueryGlobalConfigAction(conditions: ["category=kvm", "name=ping.interval"], sessionId: session)
                .call().throwExceptionIfError().value.inventories[0].value == "60"
    }

    @Test
    @Order(3)
    void anUpdateTakesEffectAndSurvivesARestart() {
        def updated = new UpdateGlobalConfigAction(category: "identity", name: "session.timeout", value: "3600", sessionId: session)
                .call().throwExceptionIfError().value.inventory
        assert updated.value == "3600"
        assert updated.defaultValue == "7200"
        assert sessionTimeout().value == "3600"
        assertLifetime(3600)
        // the boundaries themselves are valid
        HttpResult min = callAndPoll(node, session, "PUT", PATH, [updateGlobalConfig: [value: "60"]])
        assert min.status == 200 && min.json.inventory.value == "60"
        assert callAndPoll(node, session, "PUT", PATH, [updateGlobalConfig: [value: "31536000"]]).status == 200
        assert callAndPoll(node, session, "PUT", PATH, [updateGlobalConfig: [value: "3600"]]).status == 200

        node.restart()
        // sessions live in the database: the one from before the restart still works
        GlobalConfigInventory after = sessionTimeout()
        assert after.value == "3600"
        assert after.defaultValue == "7200"
        assertLifetime(3600)
    }
}
