package org.zstack.tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;

/** Gives the static SystemTag declarations their database; a bean so that it is set before any plugin starts. */
public class SystemTagHolder {
    private static DatabaseFacade dbf;

    @Autowired
    public void setDatabaseFacade(DatabaseFacade facade) {
        dbf = facade;
    }

    static DatabaseFacade dbf() {
        return dbf;
    }
}
