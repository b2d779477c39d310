package org.zstack.header.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional text for the generated API reference (docs/api) and the generated SDKs, on an API class, a reply or event,
 * an inventory, or one of their fields. Nothing reads it at run time.
 * <p>
 * Without it, or with an empty {@link #value()}, the English description is the Javadoc of the class or field in
 * its source file. {@link #zhCN()} is the Chinese description, printed beside the English one.
 * <pre>{@code
 * @APIDoc(value = "Adds a conversion host", zhCN = "添加转换主机")
 * public class APIAddV2VConversionHostMsg extends APICreateMessage {
 *     @APIDoc(value = "Where converted disks are written", zhCN = "转换后磁盘的存放路径", example = "/cloud/v2v")
 *     @APIParam(maxLength = 2048)
 *     private String storagePath;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface APIDoc {
    /** English description; empty means the source Javadoc. */
    String value() default "";

    /** Chinese (zh_CN) description; empty means none. */
    String zhCN() default "";

    /** An example value of a parameter or field, as its JSON text would show it (a string without quotes). */
    String example() default "";
}
