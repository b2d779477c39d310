package org.zstack.header.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON shape of a reply or event: allTo="inventory" gives {"inventory": value of that field};
 * fieldsTo={"all"} gives every visible field; fieldsTo={"a=b"} maps JSON key a to field b.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RestResponse {
    String allTo() default "";
    String[] fieldsTo() default {};
}
