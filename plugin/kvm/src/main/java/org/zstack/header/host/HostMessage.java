package org.zstack.header.host;

/** A message about one host; the host service runs the ones that change it in that host's queue. */
public interface HostMessage {
    String getHostUuid();
}
