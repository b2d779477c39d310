package org.zstack.header.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Validation of an API field, run by the portal before the message reaches its service. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface APIParam {
    boolean required() default true;
    String[] validValues() default {};
    String validRegexValues() default "";
    int maxLength() default Integer.MIN_VALUE;
    int minLength() default 0;
    boolean nonempty() default false;
    boolean nullElements() default false;
    boolean emptyString() default true;
    long[] numberRange() default {};
    /** The VO class a uuid (or list of uuids) must exist in. */
    Class<?> resourceType() default Object.class;
    /** Strings are trimmed unless this is set. */
    boolean noTrim() default false;
    boolean successIfResourceNotExisting() default false;
}
