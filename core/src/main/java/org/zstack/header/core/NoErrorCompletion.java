package org.zstack.header.core;

public abstract class NoErrorCompletion {
    public abstract void done();
}
