package org.zstack.core.json;

import org.junit.jupiter.api.Test;
import org.zstack.header.message.APINoSee;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.*;

class JSONObjectUtilTest {
    static class Holder {
        Timestamp when;
        @APINoSee
        String hidden = "h";
    }

    @Test
    void datesUseGsonsClassicUsFormWithoutTheCldrComma() {
        Holder h = new Holder();
        h.when = Timestamp.valueOf(LocalDateTime.of(2026, 11, 25, 23, 26, 6));
        String json = JSONObjectUtil.restGson.toJson(h);
        assertTrue(json.contains("\"Nov 25, 2026 11:26:06 PM\""), json);
        assertEquals(h.when, JSONObjectUtil.gson.fromJson(json, Holder.class).when);
    }

    @Test
    void apiNoSeeFieldsAreNeitherShownNorAccepted() {
        assertFalse(JSONObjectUtil.restGson.toJson(new Holder()).contains("hidden"));
        Holder h = JSONObjectUtil.restGson.fromJson("{\"hidden\":\"from a client\"}", Holder.class);
        assertEquals("h", h.hidden);
    }
}
