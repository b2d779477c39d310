package org.zstack.core.asyncbatch;

import org.zstack.header.core.Completion;
import org.zstack.header.errorcode.ErrorCode;

import java.util.Collection;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * Runs an asynchronous step for each item, one after the other, and stops at the first failure:
 * {@code new While<>(hosts).each((host, next) -> ... next.success() ...).run(completion)}.
 */
public class While<T> {
    private final Collection<T> items;
    private BiConsumer<T, Completion> step;

    public While(Collection<T> items) {
        this.items = items;
    }

    public While<T> each(BiConsumer<T, Completion> step) {
        this.step = step;
        return this;
    }

    public void run(Completion done) {
        next(items.iterator(), done);
    }

    private void next(Iterator<T> it, Completion done) {
        if (!it.hasNext()) {
            done.success();
            return;
        }
        step.accept(it.next(), new Completion() {
            @Override
            public void success() {
                next(it, done);
            }

            @Override
            public void fail(ErrorCode errorCode) {
                done.fail(errorCode);
            }
        });
    }
}
