package org.zstack.sdk;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ZStack query: GET on a resource collection with conditions such as "name=foo", "state!=Enabled",
 * "uuid?=a,b" or "name~=web%", each sent as one {@code q=}.
 */
public abstract class QueryAction extends AbstractAction {
    @Param(required = false)
    public List<String> conditions = new ArrayList<>();
    @Param(required = false)
    public Integer limit;
    @Param(required = false)
    public Integer start;
    /** Reply with the number of matches only. */
    @Param(required = false)
    public Boolean count;
    @Param(required = false)
    public String groupBy;
    /** Reply with the matches and their total. */
    @Param(required = false)
    public Boolean replyWithCount;
    @Param(required = false)
    public String filterName;
    @Param(required = false)
    public String sortBy;
    @Param(required = false, validValues = {"asc", "desc"})
    public String sortDirection;
    @Param(required = false)
    public List<String> fields;

    private static final Set<String> QUERY_PARAMS = Set.of("conditions", "limit", "start", "count", "groupBy",
            "replyWithCount", "filterName", "sortBy", "sortDirection", "fields");

    @Override
    List<Map.Entry<String, String>> queryParameters(Map<String, Object> params) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (conditions != null) {
            addQueryValue(pairs, "q", conditions);
        }
        addQueryValue(pairs, "limit", limit);
        addQueryValue(pairs, "start", start);
        addQueryValue(pairs, "count", count);
        addQueryValue(pairs, "replyWithCount", replyWithCount);
        addQueryValue(pairs, "groupBy", groupBy);
        addQueryValue(pairs, "filterName", filterName);
        if (sortBy != null) {
            pairs.add(new SimpleImmutableEntry<>("sort", ("desc".equals(sortDirection) ? "-" : "+") + sortBy));
        }
        if (fields != null && !fields.isEmpty()) {
            pairs.add(new SimpleImmutableEntry<>("fields", String.join(",", fields)));
        }
        Map<String, Object> rest = new LinkedHashMap<>(params);
        rest.keySet().removeAll(QUERY_PARAMS);
        pairs.addAll(super.queryParameters(rest));
        return pairs;
    }
}
