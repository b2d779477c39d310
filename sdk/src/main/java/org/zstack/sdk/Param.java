package org.zstack.sdk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public action field as an API parameter and mirrors the server's validation, so that
 * obvious mistakes fail in the caller ({@link ApiException}) instead of costing a round trip.
 * The server validates again; these checks are a convenience, not the contract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Param {
    boolean required() default true;

    /** The value (each element, for a collection) must be one of these, compared as strings. */
    String[] validValues() default {};

    /** For strings: a regular expression the whole value must match. */
    String validRegexValues() default "";

    /** For strings; Integer.MAX_VALUE means no limit. */
    int maxLength() default Integer.MAX_VALUE;

    int minLength() default 0;

    /** For collections and maps: an empty one is refused. */
    boolean nonempty() default false;

    /** For collections: whether null elements are allowed. */
    boolean nullElements() default false;

    /** For strings: whether an empty or blank value is allowed. */
    boolean emptyString() default true;

    /** For numbers: {min, max}, both inclusive. */
    long[] numberRange() default {};

    /** The server trims strings unless this is set; the SDK sends values unchanged either way. */
    boolean noTrim() default false;
}
