package org.zstack.sdk;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes over the wire: URLs, headers, bodies and query strings. */
class RequestShapeTest {
    private FakeServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeServer();
        ZSClient.configure(server.configBuilder().build());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    @Test
    void everyRequestCarriesJobUuidSchemaFlagAndSession() {
        QueryZoneAction a = new QueryZoneAction();
        a.sessionId = "0123456789abcdef0123456789abcdef";
        a.call().throwExceptionIfError();
        a.call().throwExceptionIfError();

        FakeServer.Request first = server.requests.get(0);
        assertEquals("GET", first.method());
        assertEquals("/zstack/v1/zones", first.path());
        assertTrue(first.header("X-Job-UUID").matches("[0-9a-f]{32}"), first.header("X-Job-UUID"));
        assertEquals("true", first.header("X-JSON-Schema"));
        assertEquals("OAuth 0123456789abcdef0123456789abcdef", first.header("Authorization"));
        assertNotEquals(first.header("X-Job-UUID"), server.requests.get(1).header("X-Job-UUID"));
    }

    @Test
    void accessKeySignatureIsVerifiable() throws Exception {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventory\":{\"uuid\":\"z\"}}"));
        CreateZoneAction a = new CreateZoneAction();
        a.name = "z1";
        a.accessKeyId = "KEYID";
        a.accessKeySecret = "s3cret";
        a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        String date = r.header("Date");
        ZonedDateTime sent = ZonedDateTime.parse(date,
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US));
        assertTrue(Duration.between(sent, ZonedDateTime.now()).abs().toMinutes() < 15);
        assertTrue(date.endsWith(" GMT"), date);

        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("POST\n" + date + "\n/v1/zones").getBytes(StandardCharsets.UTF_8)));
        assertEquals("ZStack KEYID:" + expected, r.header("Authorization"));
        // credentials travel in headers only
        assertFalse(r.body().contains("s3cret") || r.body().contains("KEYID"), r.body());
    }

    @Test
    void createPostsParamsWithTagsInside() {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventory\":{\"uuid\":\"u1\",\"name\":\"z1\"}}"));
        CreateZoneAction a = new CreateZoneAction();
        a.sessionId = "s";
        a.name = "z1";
        a.description = "a=b";
        a.systemTags = List.of("tag::1");
        CreateZoneAction.Result res = a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        assertEquals("POST", r.method());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        JsonObject body = json(r.body());
        assertEquals(1, body.size());
        JsonObject params = body.getAsJsonObject("params");
        assertEquals("z1", params.get("name").getAsString());
        assertEquals("a=b", params.get("description").getAsString());
        assertEquals("tag::1", params.getAsJsonArray("systemTags").get(0).getAsString());
        assertFalse(params.has("sessionId"));
        assertEquals("u1", res.value.inventory.uuid);
    }

    @Test
    void putActionUsesActionKeyAndKeepsPathVariablesOutOfTheBody() {
        UpdateZoneAction a = new UpdateZoneAction();
        a.sessionId = "s";
        a.uuid = "abc";
        a.name = "renamed";
        a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        assertEquals("PUT", r.method());
        assertEquals("/zstack/v1/zones/abc/actions", r.path());
        JsonObject body = json(r.body());
        assertEquals(1, body.size());
        JsonObject update = body.getAsJsonObject("updateZone");
        assertEquals("renamed", update.get("name").getAsString());
        assertFalse(update.has("uuid"));

        UpdateGlobalConfigAction g = new UpdateGlobalConfigAction();
        g.sessionId = "s";
        g.category = "v2v";
        g.name = "conversion.timeout";
        g.value = "3600";
        g.call().throwExceptionIfError();
        r = server.last();
        assertEquals("/zstack/v1/global-configurations/v2v/conversion.timeout/actions", r.path());
        assertEquals("{\"updateGlobalConfig\":{\"value\":\"3600\"}}", r.body());
    }

    @Test
    void queryStringCarriesRepeatedConditionsSortAndPaging() {
        QueryZoneAction a = new QueryZoneAction();
        a.sessionId = "s";
        a.conditions = List.of("name=foo", "state!=Disabled");
        a.limit = 10;
        a.start = 5;
        a.replyWithCount = true;
        a.sortBy = "name";
        a.sortDirection = "asc";
        a.fields = List.of("uuid", "name");
        a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        assertNull(r.header("Content-Type"));
        assertTrue(r.rawQuery().contains("q=name%3Dfoo"), r.rawQuery());
        assertTrue(r.rawQuery().contains("sort=%2Bname"), r.rawQuery());
        assertEquals(List.of("name=foo", "state!=Disabled"), r.query("q"));
        assertEquals(List.of("10"), r.query("limit"));
        assertEquals(List.of("5"), r.query("start"));
        assertEquals(List.of("true"), r.query("replyWithCount"));
        assertEquals(List.of("uuid,name"), r.query("fields"));
        assertEquals(List.of(), r.query("count"));

        a.sortDirection = "desc";
        a.call();
        assertEquals(List.of("-name"), server.last().query("sort"));
    }

    @Test
    void deleteSendsDeleteModeInQueryString() {
        DeleteZoneAction a = new DeleteZoneAction();
        a.sessionId = "s";
        a.uuid = "abc";
        a.deleteMode = "Enforcing";
        a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        assertEquals("DELETE", r.method());
        assertEquals("/zstack/v1/zones/abc", r.path());
        assertEquals("deleteMode=Enforcing", r.rawQuery());
        assertEquals("", r.body());
    }

    @Test
    void loginHashesClearPasswordsAndSendsNoAuthorization() {
        server.respond(r -> new FakeServer.Reply(200,
                "{\"inventory\":{\"uuid\":\"sess\",\"accountUuid\":\"acc\",\"expiredDate\":\"Nov 25, 2026 11:26:06 PM\"}}"));
        String sha512OfPassword = "b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb9"
                + "80b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86";
        assertEquals(sha512OfPassword, LogInByAccountAction.sha512("password"));

        LogInByAccountAction a = new LogInByAccountAction();
        a.accountName = "admin";
        a.password = "password";
        LogInByAccountAction.Result res = a.call().throwExceptionIfError();

        FakeServer.Request r = server.last();
        assertEquals("PUT", r.method());
        assertEquals("/zstack/v1/accounts/login", r.path());
        assertNull(r.header("Authorization"));
        JsonObject login = json(r.body()).getAsJsonObject("logInByAccount");
        assertEquals("admin", login.get("accountName").getAsString());
        assertEquals(sha512OfPassword, login.get("password").getAsString());
        assertEquals("password", a.password, "the caller's field is left alone");
        assertEquals("sess", res.value.inventory.uuid);
        assertTrue(res.value.inventory.expiredDate instanceof java.sql.Timestamp);

        a.password = sha512OfPassword.toUpperCase(Locale.ROOT);
        a.call();
        assertEquals(a.password, json(server.last().body()).getAsJsonObject("logInByAccount")
                .get("password").getAsString());
    }

    @Test
    void sessionApisFillSessionUuidIntoThePath() {
        server.respond(r -> new FakeServer.Reply(200, "{\"valid\":true}"));
        ValidateSessionAction v = new ValidateSessionAction();
        v.sessionUuid = "sess";
        assertTrue(v.call().throwExceptionIfError().value.valid);
        assertEquals("/zstack/v1/accounts/sessions/sess/valid", server.last().path());

        server.respond(r -> new FakeServer.Reply(200, "{}"));
        LogOutAction out = new LogOutAction();
        out.sessionUuid = "sess";
        out.call().throwExceptionIfError();
        assertEquals("DELETE", server.last().method());
        assertEquals("/zstack/v1/accounts/sessions/sess", server.last().path());
        assertNull(server.last().rawQuery());
    }

    @Test
    void invalidParametersFailBeforeAnyRequest() {
        CreateZoneAction noName = new CreateZoneAction();
        noName.sessionId = "s";
        ApiException e = assertThrows(ApiException.class, noName::call);
        assertTrue(e.getMessage().contains("[name]"), e.getMessage());

        CreateClusterAction cluster = new CreateClusterAction();
        cluster.sessionId = "s";
        cluster.zoneUuid = "z";
        cluster.name = "c";
        cluster.hypervisorType = "VMware";
        assertThrows(ApiException.class, cluster::call);

        CreateZoneAction tooLong = new CreateZoneAction();
        tooLong.sessionId = "s";
        tooLong.name = "x".repeat(256);
        assertThrows(ApiException.class, tooLong::call);

        UpdateZoneAction noUuid = new UpdateZoneAction();
        noUuid.sessionId = "s";
        assertThrows(ApiException.class, noUuid::call);

        QueryZoneAction noSession = new QueryZoneAction();
        assertThrows(ApiException.class, noSession::call);
        assertThrows(ApiException.class, () -> noSession.call(r -> { }));

        assertEquals(0, server.requests.size());
    }
}
