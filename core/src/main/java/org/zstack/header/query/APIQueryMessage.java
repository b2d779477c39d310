package org.zstack.header.query;

import org.zstack.header.message.APISyncCallMessage;

import java.util.ArrayList;
import java.util.List;

/** A query: the REST server fills it from q=, limit, start, count, replyWithCount, sort and fields. */
public abstract class APIQueryMessage extends APISyncCallMessage {
    public static final int DEFAULT_LIMIT = 1000;

    private List<QueryCondition> conditions = new ArrayList<>();
    private Integer limit = DEFAULT_LIMIT;
    private Integer start;
    private boolean count;
    private boolean replyWithCount;
    private String sortBy;
    private String sortDirection;
    private List<String> fields;
    private String groupBy;

    public List<QueryCondition> getConditions() { return conditions; }
    public void setConditions(List<QueryCondition> conditions) { this.conditions = conditions; }
    public void addQueryCondition(String name, String op, String value) { conditions.add(new QueryCondition(name, op, value)); }
    public Integer getLimit() { return limit; }
    public void setLimit(Integer limit) { this.limit = limit; }
    public Integer getStart() { return start; }
    public void setStart(Integer start) { this.start = start; }
    public boolean isCount() { return count; }
    public void setCount(boolean count) { this.count = count; }
    public boolean isReplyWithCount() { return replyWithCount; }
    public void setReplyWithCount(boolean replyWithCount) { this.replyWithCount = replyWithCount; }
    public String getSortBy() { return sortBy; }
    public void setSortBy(String sortBy) { this.sortBy = sortBy; }
    public String getSortDirection() { return sortDirection; }
    public void setSortDirection(String sortDirection) { this.sortDirection = sortDirection; }
    public List<String> getFields() { return fields; }
    public void setFields(List<String> fields) { this.fields = fields; }
    public String getGroupBy() { return groupBy; }
    public void setGroupBy(String groupBy) { this.groupBy = groupBy; }
}
