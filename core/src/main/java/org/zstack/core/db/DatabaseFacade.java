package org.zstack.core.db;

import jakarta.persistence.EntityManager;

import java.util.function.Consumer;
import java.util.function.Function;

/** Database access for the kernel and the plugins; each call is its own transaction unless inside transaction(). */
public interface DatabaseFacade {
    <T> T persist(T vo);

    <T> T update(T vo);

    <T> T findByUuid(String uuid, Class<T> clz);

    <T> T findById(Object id, Class<T> clz);

    boolean isExist(Object id, Class<?> clz);

    void remove(Object vo);

    void removeByPrimaryKey(Object key, Class<?> clz);

    <T> T transaction(Function<EntityManager, T> work);

    /** Changes one row in a transaction and returns it; SYS.1014 when the row is gone. */
    <T> T updateById(Class<T> clz, Object id, Consumer<T> change);

    default void transactionVoid(Consumer<EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }
}
