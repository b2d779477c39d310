package org.zstack.core.thread;

/** Work serialized with every other task of the same sync signature (e.g. "longjob-" + uuid). */
public abstract class ChainTask {
    public abstract String getSyncSignature();

    public abstract void run(SyncTaskChain chain);

    public abstract String getName();

    /** How many tasks of this signature may run at once. */
    public int getSyncLevel() {
        return 1;
    }
}
