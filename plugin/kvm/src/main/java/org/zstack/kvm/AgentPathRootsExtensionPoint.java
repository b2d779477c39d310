package org.zstack.kvm;

import java.util.List;

/**
 * What a plugin adds to the directories a host's agent may touch (AgentPathRoots): the primary storages attached to
 * the host's cluster, the conversion host's storage path. Read from the database, so it answers for the state that
 * is stored: a plugin calls {@link AgentPathRoots#push} after it stores a change.
 */
public interface AgentPathRootsExtensionPoint {
    List<String> agentPathRootsOf(String hostUuid);
}
