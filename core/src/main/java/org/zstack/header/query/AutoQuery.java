package org.zstack.header.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a query API as answered by the query service over its inventory's VO. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AutoQuery {
    Class<?> inventoryClass();

    Class<? extends APIQueryReply> replyClass();
}
