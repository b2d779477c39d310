package org.zstack.v2v.source;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.V2VErrors;

import java.util.Map;
import java.util.TreeMap;

import static org.zstack.core.Platform.err;

/** The migration sources the plugins of this node bring, by url scheme. */
public class MigrationSources {
    @Autowired
    private ApplicationContext context;

    private volatile Map<String, MigrationSource> byScheme;

    public MigrationSource get(String scheme) {
        MigrationSource s = all().get(scheme);
        if (s == null) {
            throw new OperationFailureException(err(V2VErrors.INVALID_MIGRATION,
                    "no migration source for %s://; this management node knows %s", scheme, all().keySet()));
        }
        return s;
    }

    private Map<String, MigrationSource> all() {
        if (byScheme == null) {
            Map<String, MigrationSource> m = new TreeMap<>();
            context.getBeansOfType(MigrationSource.class).values().forEach(s -> m.put(s.getScheme(), s));
            byScheme = m;
        }
        return byScheme;
    }
}
