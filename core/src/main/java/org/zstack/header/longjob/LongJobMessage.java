package org.zstack.header.longjob;

/** A message about one long job; the manager serializes them with the job's own run. */
public interface LongJobMessage {
    String getLongJobUuid();
}
