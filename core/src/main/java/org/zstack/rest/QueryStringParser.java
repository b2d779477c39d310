package org.zstack.rest;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.QueryCondition;
import org.zstack.header.query.QueryOp;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.argerr;

/** Fills a query message from q=, limit, start, count, replyWithCount, sort, fields and groupBy. */
final class QueryStringParser {
    private static final Pattern UNARY = Pattern.compile("^([\\w.]+)\\s+(is null|not null)$");

    /** What a query takes in its query string (ZStack's QueryAction sends filterName only when a caller sets it). */
    static final Set<String> PARAMETERS = Set.of("q", "limit", "start", "count", "replyWithCount", "sort", "fields",
            "groupBy", "systemTags", "userTags");

    private QueryStringParser() {
    }

    /** A parameter a query does not know would be dropped unread: refused instead, naming the ones it takes. */
    static void checkKnown(Collection<String> names) {
        for (String n : names) {
            if (!PARAMETERS.contains(n)) {
                throw new RestException(400, argerr("unknown query parameter %s; a query takes %s", n, new TreeSet<>(PARAMETERS)));
            }
        }
    }

    static void fill(APIQueryMessage msg, Map<String, List<String>> params) {
        for (String q : params.getOrDefault("q", List.of())) {
            msg.getConditions().add(parseCondition(q));
        }
        one(params, "limit").ifPresent(v -> msg.setLimit(integer("limit", v)));
        one(params, "start").ifPresent(v -> msg.setStart(integer("start", v)));
        one(params, "count").ifPresent(v -> msg.setCount(bool("count", v)));
        one(params, "replyWithCount").ifPresent(v -> msg.setReplyWithCount(bool("replyWithCount", v)));
        one(params, "groupBy").ifPresent(msg::setGroupBy);
        one(params, "sort").ifPresent(v -> {
            // '+' arrives URL-encoded as %2B, or decoded to a space by a lax client
            String s = v.trim();
            if (s.startsWith("+") || s.startsWith("-")) {
                msg.setSortDirection(s.startsWith("-") ? "desc" : "asc");
                s = s.substring(1);
            } else {
                msg.setSortDirection("asc");
            }
            msg.setSortBy(s);
        });
        List<String> fields = new ArrayList<>();
        for (String f : params.getOrDefault("fields", List.of())) {
            for (String p : f.split(",")) {
                if (!p.isBlank()) {
                    fields.add(p.trim());
                }
            }
        }
        if (!fields.isEmpty()) {
            msg.setFields(fields);
        }
    }

    /** The earliest operator in the text wins, the longest at the same place: "a>=b" is >=, "n=x!=y" is =. */
    static QueryCondition parseCondition(String q) {
        Matcher u = UNARY.matcher(q.trim());
        if (u.matches()) {
            return new QueryCondition(u.group(1), u.group(2), null);
        }
        int bestAt = Integer.MAX_VALUE;
        String best = null;
        for (QueryOp op : QueryOp.values()) {
            if (op.isUnary()) {
                continue;
            }
            int i = q.indexOf(op.getToken());
            if (i > 0 && (i < bestAt || (i == bestAt && op.getToken().length() > best.length()))) {
                bestAt = i;
                best = op.getToken();
            }
        }
        if (best == null) {
            throw new RestException(400, argerr("invalid query condition[%s]: no operator", q));
        }
        return new QueryCondition(q.substring(0, bestAt).trim(), best, q.substring(bestAt + best.length()));
    }

    private static Optional<String> one(Map<String, List<String>> params, String key) {
        List<String> l = params.get(key);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new RestException(400, argerr("%s must be an integer, not %s", name, v));
        }
    }

    private static boolean bool(String name, String v) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new RestException(400, argerr("%s must be true or false, not %s", name, v));
        }
        return Boolean.parseBoolean(v);
    }
}
