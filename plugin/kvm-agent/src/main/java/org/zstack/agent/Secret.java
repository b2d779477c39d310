package org.zstack.agent;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command or response field whose value must never reach a log (passwords, vCenter session
 * tickets, keys). The runtime masks these values in every request and response it logs; on a class, the whole
 * body is masked. ZStack's own V2V agent once logged the vCenter password: this is the guard against that.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Secret {
}
