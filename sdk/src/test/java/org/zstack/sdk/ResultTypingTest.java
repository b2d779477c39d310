package org.zstack.sdk;

import com.google.gson.JsonParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Turning reply bodies into SDK classes: the schema map and the date forms. */
class ResultTypingTest {
    private static final String DATE = "Nov 25, 2026 11:26:06 PM";
    private static final long DATE_MILLIS =
            LocalDateTime.of(2026, 11, 25, 23, 26, 6).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

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

    private static QueryZoneAction queryZones() {
        QueryZoneAction a = new QueryZoneAction();
        a.sessionId = "s";
        return a;
    }

    @Test
    void schemaRetypesQueryInventories() {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventories\":["
                + "{\"uuid\":\"z1\",\"name\":\"a\",\"isDefault\":true,\"createDate\":\"" + DATE + "\"},"
                + "{\"uuid\":\"z2\",\"name\":\"b\"},"
                + "{\"uuid\":\"x\"}],\"total\":3,"
                + "\"schema\":{\"inventories[1]\":\"org.zstack.header.zone.ZoneInventory\","
                + "\"inventories[0]\":\"org.zstack.header.zone.ZoneInventory\","
                + "\"inventories[2]\":\"org.zstack.header.unknown.Thing\"}}"));
        QueryZoneResult value = queryZones().call().throwExceptionIfError().value;

        assertEquals(3L, value.total);
        ZoneInventory first = assertInstanceOf(ZoneInventory.class, value.inventories.get(0));
        assertEquals("z1", first.uuid);
        assertEquals(Boolean.TRUE, first.isDefault);
        assertInstanceOf(Timestamp.class, first.createDate);
        assertEquals(DATE_MILLIS, first.createDate.getTime());
        assertEquals("b", assertInstanceOf(ZoneInventory.class, value.inventories.get(1)).name);
        // a server class the SDK does not know stays as Gson read it
        assertInstanceOf(Map.class, value.inventories.get(2));
    }

    @Test
    void withoutSchemaRawListsStayMaps() {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventories\":[{\"uuid\":\"z1\"}]}"));
        QueryZoneResult value = queryZones().call().throwExceptionIfError().value;
        assertInstanceOf(Map.class, value.inventories.get(0));
        assertNull(value.total);
    }

    @Test
    void schemaPathHoldingNullIsAnUnreadableReply() {
        server.respond(r -> new FakeServer.Reply(200,
                "{\"inventories\":[],\"schema\":{\"inventories[0]\":\"org.zstack.header.zone.ZoneInventory\"}}"));
        assertEquals(ZSClient.SDK_BAD_REPLY, queryZones().call().error.code);
    }

    @Test
    void nestedSchemaPathsAndTypedLists() {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventories\":[{\"taskUuid\":\"t1\",\"time\":1700000000000,"
                + "\"opaque\":{\"percent\":40},\"subTasks\":[{\"taskUuid\":\"t2\",\"content\":\"copy disk\"}]}],"
                + "\"schema\":{\"inventories[0]\":\"org.zstack.header.core.progress.TaskProgressInventory\","
                + "\"inventories[0].subTasks[0]\":\"org.zstack.header.core.progress.TaskProgressInventory\"}}"));
        GetTaskProgressAction a = new GetTaskProgressAction();
        a.sessionId = "s";
        a.apiId = "0123456789abcdef0123456789abcdef";
        a.all = true;
        List<TaskProgressInventory> tasks = a.call().throwExceptionIfError().value.inventories;

        assertEquals("/zstack/v1/task-progresses/0123456789abcdef0123456789abcdef", server.last().path());
        assertEquals("all=true", server.last().rawQuery());
        assertEquals(1700000000000L, tasks.get(0).time);
        assertEquals(40.0, tasks.get(0).opaque.get("percent"));
        assertEquals("copy disk", tasks.get(0).subTasks.get(0).content);
    }

    @Test
    void longJobInventoryReadsDatesAndExecuteTime() {
        server.respond(r -> new FakeServer.Reply(200, "{\"inventory\":{\"uuid\":\"j\",\"state\":\"Running\","
                + "\"apiId\":\"" + r.header("X-Job-UUID") + "\",\"createDate\":\"" + DATE + "\","
                + "\"lastOpDate\":\"2026-11-25T23:26:06+08:00\",\"executeTime\":42}}"));
        SubmitLongJobAction a = new SubmitLongJobAction();
        a.sessionId = "s";
        a.jobName = "APIConvertVmFromForeignHypervisorMsg";
        a.jobData = "{}";
        LongJobInventory job = a.call().throwExceptionIfError().value.inventory;

        assertEquals(server.last().header("X-Job-UUID"), job.apiId);
        assertEquals(DATE_MILLIS, job.createDate.getTime());
        assertEquals(OffsetDateTime.parse("2026-11-25T23:26:06+08:00").toInstant().toEpochMilli(),
                job.lastOpDate.getTime());
        assertEquals(42L, job.executeTime);
    }

    @Test
    void dateForms() {
        assertEquals(DATE_MILLIS, LenientDateAdapter.parseMillis(DATE));
        assertEquals(DATE_MILLIS, LenientDateAdapter.parseMillis("Nov 25, 2026, 11:26:06 PM"));
        assertEquals(DATE_MILLIS, LenientDateAdapter.parseMillis("Nov 25, 2026, 11:26:06\u202fPM"));
        assertEquals(DATE_MILLIS, LenientDateAdapter.parseMillis("2026-11-25T23:26:06"));
        assertEquals(OffsetDateTime.parse("2026-11-25T23:26:06Z").toInstant().toEpochMilli(),
                LenientDateAdapter.parseMillis("2026-11-25T23:26:06Z"));
        // forms ZStack's own SDK cannot read either
        assertThrows(JsonParseException.class, () -> LenientDateAdapter.parseMillis("2026-11-25 23:26:06"));
        assertThrows(JsonParseException.class,
                () -> JsonSupport.GSON.fromJson("{\"createDate\":1700000000000}", ZoneInventory.class));
        // and the SDK writes the form ZStack writes
        assertEquals("\"" + DATE + "\"", JsonSupport.GSON.toJson(new Timestamp(DATE_MILLIS)));
    }
}
