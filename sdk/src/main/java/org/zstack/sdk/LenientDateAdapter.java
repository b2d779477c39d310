package org.zstack.sdk;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads the dates ZStack servers send: Gson's US form "Nov 25, 2026 11:26:06 PM" (Java 8's output, in
 * the server's local time zone, which is assumed to be the client's too), the same with a comma after
 * the year (Gson's output on Java 9+), and ISO-8601. Epoch numbers are refused on purpose: ZStack's own
 * SDK cannot read them either, so a server sending them is wrong and should find out.
 * Writes the first form, as ZStack does.
 */
final class LenientDateAdapter extends TypeAdapter<Date> {
    static final TypeAdapterFactory FACTORY = new TypeAdapterFactory() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() == Date.class) {
                return (TypeAdapter<T>) new LenientDateAdapter(false).nullSafe();
            }
            if (type.getRawType() == Timestamp.class) {
                return (TypeAdapter<T>) new LenientDateAdapter(true).nullSafe();
            }
            return null;
        }
    };

    private static final DateTimeFormatter US_FORM = usForm("MMM d, yyyy h:mm:ss a");
    private static final List<DateTimeFormatter> US_FORMS = List.of(US_FORM, usForm("MMM d, yyyy, h:mm:ss a"));

    private final boolean timestamp;

    private LenientDateAdapter(boolean timestamp) {
        this.timestamp = timestamp;
    }

    private static DateTimeFormatter usForm(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
    }

    @Override
    public void write(JsonWriter out, Date value) throws IOException {
        out.value(US_FORM.format(value.toInstant().atZone(ZoneId.systemDefault())));
    }

    @Override
    public Date read(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
            throw new JsonParseException("expected a date string at " + in.getPreviousPath() + ", got " + in.peek());
        }
        long millis = parseMillis(in.nextString());
        return timestamp ? new Timestamp(millis) : new Date(millis);
    }

    /** Epoch milliseconds of a date string in one of the accepted forms. */
    static long parseMillis(String text) {
        // Java 20+ puts a narrow no-break space before AM/PM; treat it as the plain space Java 8 wrote.
        String s = text.trim().replace('\u202f', ' ').replace('\u00a0', ' ');
        ZoneId zone = ZoneId.systemDefault();
        for (DateTimeFormatter f : US_FORMS) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not ISO without an offset
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new JsonParseException("unparseable date: \"" + text + "\"", e);
        }
    }
}
