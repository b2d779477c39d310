package org.zstack.core.json;

import com.google.gson.*;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import org.zstack.header.message.APINoSee;

import java.io.IOException;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * The one place Gson is configured. {@link #gson} sees every field (internal use: agent commands, stored data);
 * {@link #restGson} hides {@link APINoSee} fields and is what clients get and send. Dates use Gson's classic US form,
 * "Nov 25, 2026 11:26:06 PM", the only form ZStack's SDK reads besides ISO-8601.
 */
public final class JSONObjectUtil {
    private static final String DATE_PATTERN = "MMM d, yyyy h:mm:ss a";
    private static final DateTimeFormatter DATE_FORMATTER = DateTimeFormatter.ofPattern(DATE_PATTERN, Locale.US);

    private static final ExclusionStrategy API_NO_SEE = new ExclusionStrategy() {
        @Override
        public boolean shouldSkipField(FieldAttributes f) {
            return f.getAnnotation(APINoSee.class) != null;
        }

        @Override
        public boolean shouldSkipClass(Class<?> clazz) {
            return false;
        }
    };

    public static final Gson gson = builder().create();
    /**
     * Both ways: what a client reads never shows an @APINoSee field, and what a client sends can never set one
     * (a session, a message header) on an API message.
     */
    public static final Gson restGson = builder()
            .addSerializationExclusionStrategy(API_NO_SEE)
            .addDeserializationExclusionStrategy(API_NO_SEE)
            .registerTypeAdapter(Boolean.class, StrictBooleanAdapter.INSTANCE)
            .registerTypeAdapter(boolean.class, StrictBooleanAdapter.INSTANCE)
            .registerTypeAdapter(String.class, StrictStringAdapter.INSTANCE)
            .registerTypeAdapter(Integer.class, new StrictIntegralAdapter<>(Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue))
            .registerTypeAdapter(int.class, new StrictIntegralAdapter<>(Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue))
            .registerTypeAdapter(Long.class, new StrictIntegralAdapter<>(Long.MIN_VALUE, Long.MAX_VALUE, l -> l))
            .registerTypeAdapter(long.class, new StrictIntegralAdapter<>(Long.MIN_VALUE, Long.MAX_VALUE, l -> l))
            .create();

    private JSONObjectUtil() {
    }

    private static GsonBuilder builder() {
        return new GsonBuilder()
                .disableHtmlEscaping()
                .registerTypeAdapter(Timestamp.class, new DateAdapter<>(d -> new Timestamp(d.getTime())))
                .registerTypeAdapter(Date.class, new DateAdapter<>(d -> d));
    }

    public static String toJsonString(Object o) {
        return gson.toJson(o);
    }

    public static <T> T toObject(String json, Class<T> clz) {
        return gson.fromJson(json, clz);
    }

    public static Map<String, Object> toMap(String json) {
        Type t = new TypeToken<Map<String, Object>>() { }.getType();
        return gson.fromJson(json, t);
    }

    public static <T> T rehash(Object o, Class<T> clz) {
        return gson.fromJson(gson.toJson(o), clz);
    }

    /**
     * Gson's default form. A DateTimeFormatter is immutable and shared, where a SimpleDateFormat had to be made for
     * every date: with two dates per inventory that was the largest allocation of the REST path (the benchmark).
     * The output is the same, in the JVM's default time zone as before.
     */
    public static String formatDate(Date d) {
        return DATE_FORMATTER.format(Instant.ofEpochMilli(d.getTime()).atZone(ZoneId.systemDefault()));
    }

    public static Date parseDate(String s) {
        try {
            return new SimpleDateFormat(DATE_PATTERN, Locale.US).parse(s);
        } catch (ParseException e) {
            try {
                return Date.from(OffsetDateTime.parse(s).toInstant());
            } catch (RuntimeException e2) {
                throw new JsonParseException("not a date: " + s);
            }
        }
    }

    /**
     * A client's boolean is true, false, or (from a query string) "true"/"false". Gson's own adapter reads any
     * other string as false, so {"isDefault": "abc"} would silently mean false instead of being refused.
     */
    private static final class StrictBooleanAdapter extends TypeAdapter<Boolean> {
        static final StrictBooleanAdapter INSTANCE = new StrictBooleanAdapter();

        @Override
        public void write(JsonWriter out, Boolean value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Boolean read(JsonReader in) throws IOException {
            JsonToken t = in.peek();
            if (t == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (t == JsonToken.BOOLEAN) {
                return in.nextBoolean();
            }
            if (t == JsonToken.STRING) {
                String s = in.nextString();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(s);
                }
                throw new JsonSyntaxException("expected true or false, not \"" + s + "\", at path " + in.getPreviousPath());
            }
            String path = in.getPath();
            in.skipValue();
            throw new JsonSyntaxException("expected true or false, not " + t + ", at path " + path);
        }
    }

    /**
     * A client's string is a JSON string. Gson's own adapter turns 5, true or 1.5 into "5", "true" and "1.5", so a
     * wrongly typed request was carried out with a value the client never wrote.
     */
    private static final class StrictStringAdapter extends TypeAdapter<String> {
        static final StrictStringAdapter INSTANCE = new StrictStringAdapter();

        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            JsonToken t = in.peek();
            if (t == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (t == JsonToken.STRING) {
                return in.nextString();
            }
            String path = in.getPath();
            in.skipValue();
            throw new JsonSyntaxException("expected a string, not " + t + ", at path " + path);
        }
    }

    /**
     * A client's integer is a JSON number with no fraction, inside the Java type's range. Gson's own adapters read
     * "5" (a string) as 5 and fail on 1.5 or 2^40 with a NumberFormatException that named internals.
     */
    private static final class StrictIntegralAdapter<N extends Number> extends TypeAdapter<N> {
        private final long min;
        private final long max;
        private final java.util.function.Function<Long, N> make;

        StrictIntegralAdapter(long min, long max, java.util.function.Function<Long, N> make) {
            this.min = min;
            this.max = max;
            this.make = make;
        }

        @Override
        public void write(JsonWriter out, N value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public N read(JsonReader in) throws IOException {
            JsonToken t = in.peek();
            if (t == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String path = in.getPath();
            if (t != JsonToken.NUMBER) {
                in.skipValue();
                throw new JsonSyntaxException("expected an integer, not " + t + ", at path " + path);
            }
            String text = in.nextString();
            long v;
            try {
                // the strict parser bounds the literal's length and exponent, so this conversion is cheap
                v = new java.math.BigDecimal(text).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new JsonSyntaxException("expected an integer in [" + min + ", " + max + "], not " + text + ", at path " + path);
            }
            if (v < min || v > max) {
                throw new JsonSyntaxException("expected an integer in [" + min + ", " + max + "], not " + text + ", at path " + path);
            }
            return make.apply(v);
        }
    }

    private static final class DateAdapter<D extends Date> implements JsonSerializer<D>, JsonDeserializer<D> {
        private final java.util.function.Function<Date, D> make;

        DateAdapter(java.util.function.Function<Date, D> make) {
            this.make = make;
        }

        @Override
        public JsonElement serialize(D src, Type typeOfSrc, JsonSerializationContext context) {
            return new JsonPrimitive(formatDate(src));
        }

        @Override
        public D deserialize(JsonElement json, Type typeOfT, JsonDeserializationContext context) {
            if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
                return make.apply(new Date(json.getAsLong()));
            }
            return make.apply(parseDate(json.getAsString()));
        }
    }
}
