package org.zstack.rest;

import org.junit.jupiter.api.Test;
import org.zstack.header.query.QueryCondition;

import static org.junit.jupiter.api.Assertions.*;

class QueryStringParserTest {
    private static void parses(String q, String name, String op, String value) {
        QueryCondition c = QueryStringParser.parseCondition(q);
        assertEquals(name, c.getName(), q);
        assertEquals(op, c.getOp(), q);
        assertEquals(value, c.getValue(), q);
    }

    @Test
    void everyOperator() {
        parses("name=zone1", "name", "=", "zone1");
        parses("name!=zone1", "name", "!=", "zone1");
        parses("cpuNum>=2", "cpuNum", ">=", "2");
        parses("cpuNum<=2", "cpuNum", "<=", "2");
        parses("cpuNum>2", "cpuNum", ">", "2");
        parses("cpuNum<2", "cpuNum", "<", "2");
        parses("uuid?=a,b", "uuid", "?=", "a,b");
        parses("uuid!?=a,b", "uuid", "!?=", "a,b");
        parses("name~=zone%", "name", "~=", "zone%");
        parses("name!~=zone%", "name", "!~=", "zone%");
        parses("description is null", "description", "is null", null);
        parses("description not null", "description", "not null", null);
    }

    @Test
    void theFirstOperatorWinsSoValuesMayHoldOperators() {
        parses("name=a!=b", "name", "=", "a!=b");
        parses("description=x=y", "description", "=", "x=y");
        parses("name=is null", "name", "=", "is null");
    }

    @Test
    void aConditionWithoutOperatorIsRefused() {
        RestException e = assertThrows(RestException.class, () -> QueryStringParser.parseCondition("justaname"));
        assertEquals("SYS.1007", e.error.getCode());
    }
}
