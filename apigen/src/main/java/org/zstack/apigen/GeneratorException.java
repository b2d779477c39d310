package org.zstack.apigen;

/** An API class the generators cannot express; the build fails with it. */
class GeneratorException extends RuntimeException {
    GeneratorException(String message) {
        super(message);
    }

    GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
