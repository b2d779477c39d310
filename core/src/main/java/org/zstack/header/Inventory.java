package org.zstack.header;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An inventory: what an API returns of a resource. Its class name is what the REST schema map names, so the
 * class keeps ZStack's fully qualified name. It must have a static valueOf(mappingVOClass).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inventory {
    Class<?> mappingVOClass();
}
