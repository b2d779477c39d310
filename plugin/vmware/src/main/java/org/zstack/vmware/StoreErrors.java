package org.zstack.vmware;

import org.zstack.header.errorcode.ErrorCode;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * A database failure while storing vCenter records, as a ZStack error in domain words. Never the SQL, the
 * constraint or index names, or the database's message: the callers log the exception itself, the error says what
 * conflicted and that nothing was changed.
 */
final class StoreErrors {
    /** Our unique keys, by the words that say what they keep unique (the name is matched, never shown). */
    private static final Map<String, String> UNIQUE_KEYS = Map.of(
            "ukesxhostvovcenteruuidmorval", "two ESX hosts of one vCenter with the same managed object reference",
            "ukvcenterclustervovcenteruuidmorval", "two clusters of one vCenter with the same managed object reference",
            "ukvcenterprimarystoragevovcenteruuidmorval", "two datastores of one vCenter with the same managed object reference",
            "ukvcenternetworkvomorval", "two networks of one vCenter with the same managed object reference",
            "ukvcenterdatacentervomorval", "two datacenters of one vCenter with the same managed object reference",
            "ukvcenterresourcepoolvomorval", "two resource pools of one vCenter with the same managed object reference",
            "ukvcentervoinstanceuuid", "a vCenter instance uuid another vCenter record holds",
            "ukvcentervodomainnameport", "a vCenter address another vCenter record holds",
            "ukhostvokvmmanagementip", "a management address a KVM host holds");

    private StoreErrors() {
    }

    /** what: the records concerned, in words ("its ESX hosts", "vCenter 10.0.0.1:443"). */
    static ErrorCode describe(Throwable e, String what) {
        if (VCenterException.find(e, SQLIntegrityConstraintViolationException.class) != null
                || VCenterException.find(e, org.hibernate.exception.ConstraintViolationException.class) != null) {
            return err(VCenterErrors.RECORDS_CONFLICT, "storing %s conflicts with records already stored (%s); nothing was"
                    + " changed, the management node's log has the database's answer", what, conflictOf(e));
        }
        return err(VCenterErrors.RECORDS_NOT_STORED, "the database could not store %s; nothing was changed, the management"
                + " node's log has the database's answer", what);
    }

    private static String conflictOf(Throwable e) {
        org.hibernate.exception.ConstraintViolationException cv = VCenterException.find(e, org.hibernate.exception.ConstraintViolationException.class);
        String name = cv == null || cv.getConstraintName() == null ? "" : cv.getConstraintName().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> k : UNIQUE_KEYS.entrySet()) {
            if (name.contains(k.getKey())) {
                return k.getValue();
            }
        }
        return "two records for one object, where only one may exist";
    }
}
