package org.zstack.agent.host;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.annotations.JsonAdapter;
import org.zstack.agent.AgentResponse;

import java.lang.reflect.Type;

/**
 * The answer of {@code /host/echo}: the request's own JSON plus {@code success} (and {@code error} if set).
 * Serialized by its own adapter because its fields are whatever the caller sent.
 */
@JsonAdapter(EchoResponse.Serializer.class)
public class EchoResponse extends AgentResponse {
    private final JsonObject body;

    public EchoResponse(JsonObject body) {
        this.body = body == null ? new JsonObject() : body;
    }

    public JsonObject getBody() {
        return body;
    }

    static final class Serializer implements JsonSerializer<EchoResponse> {
        @Override
        public JsonElement serialize(EchoResponse src, Type type, JsonSerializationContext ctx) {
            JsonObject out = src.body.deepCopy();
            out.add("success", new JsonPrimitive(src.isSuccess()));
            if (src.getError() != null) {
                out.add("error", new JsonPrimitive(src.getError()));
            }
            return out;
        }
    }
}
