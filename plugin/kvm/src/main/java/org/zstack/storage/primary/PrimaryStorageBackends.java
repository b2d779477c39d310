package org.zstack.storage.primary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.storage.primary.PrimaryStorageBackend;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.zstack.core.Platform.operr;

/** The backend of each primary storage type: a new kind of storage is one more PrimaryStorageBackend bean. */
public class PrimaryStorageBackends {
    @Autowired
    private ApplicationContext context;

    private volatile Map<String, PrimaryStorageBackend> byType;

    public PrimaryStorageBackends() {
    }

    /** Without Spring: the given backends only. */
    public PrimaryStorageBackends(Collection<? extends PrimaryStorageBackend> backends) {
        byType = index(backends);
    }

    public PrimaryStorageBackend get(String type) {
        if (byType == null) {
            // the beans are all there once the context is refreshed, which is before anyone asks
            byType = index(context.getBeansOfType(PrimaryStorageBackend.class).values());
        }
        PrimaryStorageBackend b = byType.get(type);
        if (b == null) {
            throw new OperationFailureException(operr("no backend for primary storage type %s", type));
        }
        return b;
    }

    private static Map<String, PrimaryStorageBackend> index(Collection<? extends PrimaryStorageBackend> backends) {
        Map<String, PrimaryStorageBackend> m = new HashMap<>();
        for (PrimaryStorageBackend b : backends) {
            m.put(b.getType(), b);
        }
        return m;
    }
}
