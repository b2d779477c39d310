package org.zstack.header.longjob;

public enum LongJobState {
    Waiting, Suspended, Running, Succeeded, Canceling, Canceled, Failed;

    public boolean isFinal() {
        return this == Succeeded || this == Canceled || this == Failed;
    }
}
