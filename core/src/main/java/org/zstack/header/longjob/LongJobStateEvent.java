package org.zstack.header.longjob;

/** What happens to a long job; {@link LongJobState#nextState} says where each event leads. */
public enum LongJobStateEvent {
    start, succeed, fail, resume, suspend, canceling, canceled
}
