package org.zstack.header.query;

public class QueryCondition {
    private String name;
    private String op;
    private String value;

    public QueryCondition() {
    }

    public QueryCondition(String name, String op, String value) {
        this.name = name;
        this.op = op;
        this.value = value;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOp() { return op; }
    public void setOp(String op) { this.op = op; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }

    @Override
    public String toString() {
        return name + " " + op + (value == null ? "" : " " + value);
    }
}
