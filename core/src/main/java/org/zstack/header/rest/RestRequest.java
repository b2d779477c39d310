package org.zstack.header.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an API message to an HTTP method and a path under /zstack/v1. POST creates use parameterName "params";
 * PUT actions set isAction and share "/{resources}/{uuid}/actions", told apart by their body key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RestRequest {
    String path();
    String[] optionalPaths() default {};
    HttpMethod method();
    boolean isAction() default false;
    String parameterName() default "";
    Class<?> responseClass();
    String category() default "";
}
