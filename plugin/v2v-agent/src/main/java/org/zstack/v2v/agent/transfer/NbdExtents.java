package org.zstack.v2v.agent.transfer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zstack.agent.AgentException;

import java.util.ArrayList;
import java.util.List;

/**
 * The allocation map of an image, from {@code qemu-img map --output=json}: the ranges that hold data, and the size.
 * Over NBD these come from the server's block status (qemu-nbd answers for the whole backing chain), on a local raw
 * file from the file system's holes; everything else reads as zeroes and is never copied.
 *
 * @param data {@code {start, end}} ranges (end exclusive), ascending, neighbours merged
 * @param size the image's virtual size: where the last entry ends
 */
record NbdExtents(List<long[]> data, long size) {

    static NbdExtents parse(String json) {
        List<long[]> data = new ArrayList<>();
        long size = 0;
        try {
            for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                long start = o.get("start").getAsLong();
                long length = o.get("length").getAsLong();
                size = Math.max(size, start + length);
                if (length > 0 && o.get("data").getAsBoolean()) {
                    long[] last = data.isEmpty() ? null : data.get(data.size() - 1);
                    if (last != null && last[1] == start) {
                        last[1] = start + length;
                    } else {
                        data.add(new long[]{start, start + length});
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new AgentException("qemu-img map answered something other than its JSON map: " + e.getMessage());
        }
        return new NbdExtents(data, size);
    }

    /** The bytes that hold data: what a copy reads from the source, or what a file has allocated. */
    long dataBytes() {
        return ExtentPlan.bytes(data);
    }
}
