package org.zstack.core.boot;

import org.zstack.core.ZStackProperties;

/** Boots one management node from conf/ (on the classpath) and runs until the process is stopped. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ManagementNode node = new ManagementNode(new ZStackProperties()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "shutdown"));
    }
}
