package org.zstack.core.thread;

/** Handed to a ChainTask; calling next() lets the queue run its following task. Mandatory on every path. */
public interface SyncTaskChain {
    void next();
}
