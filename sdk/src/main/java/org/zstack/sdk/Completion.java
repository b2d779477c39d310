package org.zstack.sdk;

/** Receives the outcome of an asynchronous call; it runs on an SDK thread. */
@FunctionalInterface
public interface Completion<T> {
    void complete(T result);
}
