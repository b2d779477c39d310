package org.zstack.header;

public abstract class AbstractService implements Service {
    @Override
    public boolean start() {
        return true;
    }

    @Override
    public boolean stop() {
        return true;
    }
}
