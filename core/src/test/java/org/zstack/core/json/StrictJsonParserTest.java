package org.zstack.core.json;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StrictJsonParserTest {
    @Test
    void rfc8259JsonIsRead() {
        JsonObject o = StrictJsonParser.parse(" {\"params\": {\"name\": \"z\\u003d1\", \"n\": -1.5e3, \"l\": [true, null, 0]}} ")
                .getAsJsonObject();
        assertEquals("z=1", o.getAsJsonObject("params").get("name").getAsString());
        assertEquals(-1500, o.getAsJsonObject("params").get("n").getAsInt());
    }

    @Test
    void laxFormsAreRefused() {
        for (String s : List.of("{params: {name: \"x\"}}", "{'params': {'name': 'x'}}", "{\"a\": 1 /* c */}",
                "{\"a\": 1} // c", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}", "{\"a\": 1}{}",
                "{\"a\": 1} x", "{\"a\": 01}", "{\"a\": 1,}", "[1,]", "{\"a\": \"\\x\"}", "{\"a\": \"tab\there\"}",
                "{\"a\" = 1}", "{\"a\": 1; \"b\": 2}", "{\"a\": .5}", "{\"a\": 1e9999}", "{\"a\": " + "1".repeat(100) + "}",
                "{\"a\": 1, \"a\": 2}", "{\"p\": {\"n\": 1, \"n\": 1}}", "[".repeat(66) + "]".repeat(66), "")) {
            StrictJsonParser.NotStrictJsonException e = assertThrows(StrictJsonParser.NotStrictJsonException.class,
                    () -> StrictJsonParser.parse(s), s);
            assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("Gson") || e.getMessage().contains("http"), e.getMessage());
        }
    }

    @Test
    void malformedUtf8IsRefused() {
        assertEquals("é", StrictJsonParser.decodeUtf8("é".getBytes(StandardCharsets.UTF_8)));
        assertThrows(StrictJsonParser.NotStrictJsonException.class, () -> StrictJsonParser.decodeUtf8(new byte[]{'"', (byte) 0xC3, '"'}));
    }
}
