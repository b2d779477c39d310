package db;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Identity of vCenter records by vSphere ids, not by names (issue 16):
 * <ul>
 *   <li>HostVO.managementIp stops being unique for every host: an ESX host's managementIp is its name in its vCenter,
 *   and two vCenters may both have a host of that name (it was then stored as name@domain, and a third vCenter
 *   failed). KVM hosts keep a unique management address: a generated column holds managementIp for KVM hosts only,
 *   with a unique index (NULLs, the other hosts, never collide). An ESX host is unique by (vCenterUuid, morval).</li>
 *   <li>Clusters and datastores of a vCenter are unique by (vCenterUuid, morval), like its other records.</li>
 *   <li>VCenterVO.instanceUuid: the vCenter's about.instanceUuid, one vCenter once whatever address it is added by.</li>
 * </ul>
 * Java, not SQL, because V1.0.2 made the managementIp constraint without a name: H2 and MariaDB name it differently,
 * so its name is looked up first.
 */
public class V1_0_16__vcenter_identity extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement s = c.createStatement()) {
            for (String name : managementIpUniqueConstraints(c, h2)) {
                s.execute(h2 ? "ALTER TABLE HostVO DROP CONSTRAINT \"" + name + "\"" : "ALTER TABLE HostVO DROP INDEX `" + name + "`");
            }
            s.execute("ALTER TABLE HostVO ADD COLUMN kvmManagementIp varchar(255)"
                    + " GENERATED ALWAYS AS (CASE WHEN hypervisorType = 'KVM' THEN managementIp ELSE NULL END)");
            s.execute("CREATE UNIQUE INDEX ukHostVOkvmManagementIp ON HostVO (kvmManagementIp)");
            s.execute("CREATE INDEX idxHostVOmanagementIp ON HostVO (managementIp)");
            // hosts stored as name@domain by the old rule get their own name back
            s.execute("UPDATE HostVO SET managementIp = name WHERE hypervisorType = 'ESX' AND managementIp <> name");
            s.execute("CREATE UNIQUE INDEX ukESXHostVOvCenterUuidMorval ON ESXHostVO (vCenterUuid, morval)");
            s.execute("CREATE UNIQUE INDEX ukVCenterClusterVOvCenterUuidMorval ON VCenterClusterVO (vCenterUuid, morval)");
            s.execute("CREATE UNIQUE INDEX ukVCenterPrimaryStorageVOvCenterUuidMorval ON VCenterPrimaryStorageVO (vCenterUuid, morval)");
            s.execute("ALTER TABLE VCenterVO ADD COLUMN instanceUuid varchar(64) NULL");
            s.execute("CREATE UNIQUE INDEX ukVCenterVOinstanceUuid ON VCenterVO (instanceUuid)");
        }
    }

    /** The unique constraints of HostVO on managementIp alone. */
    private static List<String> managementIpUniqueConstraints(Connection c, boolean h2) throws SQLException {
        String schema = h2 ? c.getSchema() : c.getCatalog();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.CONSTRAINT_NAME, COUNT(*), MAX(k.COLUMN_NAME)"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME AND k.TABLE_SCHEMA = tc.TABLE_SCHEMA"
                + " WHERE UPPER(tc.TABLE_NAME) = 'HOSTVO' AND tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ?"
                + " GROUP BY tc.CONSTRAINT_NAME")) {
            ps.setString(1, schema);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    if (r.getInt(2) == 1 && "MANAGEMENTIP".equalsIgnoreCase(r.getString(3))) {
                        names.add(r.getString(1));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("no unique constraint on HostVO.managementIp in schema " + schema + " (V1.0.2 makes one)");
        }
        return names;
    }
}
