package org.zstack.header.query;

/** The operators of q=, in the order the REST server tries them when it parses a condition. */
public enum QueryOp {
    NOT_EQ("!="), GT_AND_EQ(">="), LT_AND_EQ("<="), NOT_IN("!?="), NOT_LIKE("!~="), LIKE("~="), IN("?="),
    EQ("="), GT(">"), LT("<"), IS_NULL("is null"), NOT_NULL("not null");

    private final String token;

    QueryOp(String token) {
        this.token = token;
    }

    public String getToken() {
        return token;
    }

    public boolean isUnary() {
        return this == IS_NULL || this == NOT_NULL;
    }
}
