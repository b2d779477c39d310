package org.zstack.header;

/** A bean the management node starts after the Spring context is up, and stops on shutdown. */
public interface Component {
    boolean start();

    boolean stop();
}
