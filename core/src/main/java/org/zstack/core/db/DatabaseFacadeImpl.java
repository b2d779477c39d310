package org.zstack.core.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.zstack.core.Platform;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.errorcode.SysErrors;

import java.util.function.Consumer;
import java.util.function.Function;

public class DatabaseFacadeImpl implements DatabaseFacade {
    private final EntityManagerFactory emf;
    /** The entity manager of the transaction this thread is in, so nested calls join it. */
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public DatabaseFacadeImpl(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T ret = work.apply(em);
            tx.commit();
            return ret;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    @Override
    public <T> T updateById(Class<T> clz, Object id, Consumer<T> change) {
        return transaction(em -> {
            T vo = em.find(clz, id);
            if (vo == null) {
                throw new OperationFailureException(Platform.err(SysErrors.RESOURCE_NOT_FOUND, "%s[uuid:%s] not found",
                        clz.getSimpleName().replaceAll("VO$", ""), id));
            }
            change.accept(vo);
            return vo;
        });
    }

    @Override
    public <T> T persist(T vo) {
        return transaction(em -> {
            em.persist(vo);
            return vo;
        });
    }

    @Override
    public <T> T update(T vo) {
        return transaction(em -> em.merge(vo));
    }

    @Override
    public <T> T findByUuid(String uuid, Class<T> clz) {
        return findById(uuid, clz);
    }

    @Override
    public <T> T findById(Object id, Class<T> clz) {
        if (id == null) {
            return null;
        }
        return transaction(em -> em.find(clz, id));
    }

    @Override
    public boolean isExist(Object id, Class<?> clz) {
        return findById(id, clz) != null;
    }

    @Override
    public void remove(Object vo) {
        transactionVoid(em -> em.remove(em.contains(vo) ? vo : em.merge(vo)));
    }

    @Override
    public void removeByPrimaryKey(Object key, Class<?> clz) {
        transactionVoid(em -> {
            Object vo = em.find(clz, key);
            if (vo != null) {
                em.remove(vo);
            }
        });
    }

    public void close() {
        emf.close();
    }
}
