package org.zstack.test.integration.kernel

import org.hibernate.Session
import org.hibernate.jdbc.ReturningWork
import org.zstack.core.db.DatabaseFacade
import org.zstack.testlib.TestNode

import java.security.MessageDigest
import java.sql.Connection
import java.sql.ResultSet

/**
 * Every table of a node's database, each as its row count and a digest of all its rows (in a fixed order), on H2
 * and MariaDB alike: two snapshots differ in a table exactly when a row of it was added, removed or changed.
 */
class DatabaseSnapshot {
    /** table name (upper case) → "rows:<n> sha256:<digest>" */
    final Map<String, String> tables

    private DatabaseSnapshot(Map<String, String> tables) {
        this.tables = tables
    }

    static DatabaseSnapshot take(TestNode node, Set<String> excluded) {
        Map<String, String> ret = new TreeMap<>()
        node.bean(DatabaseFacade).transaction { em ->
            em.unwrap(Session).doReturningWork({ Connection c ->
                List<String> names = []
                c.metaData.getTables(c.catalog, c.schema, "%", ["TABLE"] as String[]).withCloseable { ResultSet rs ->
                    while (rs.next()) {
                        names << rs.getString("TABLE_NAME")
                    }
                }
                String quote = c.metaData.identifierQuoteString.trim()
                for (String t : names.findAll { !(it.toUpperCase() in excluded) }) {
                    ret[t.toUpperCase()] = digest(c, quote + t + quote)
                }
                return null
            } as ReturningWork)
        }
        assert ret.size() > 10: "found only the tables ${ret.keySet()}"
        return new DatabaseSnapshot(ret)
    }

    private static String digest(Connection c, String table) {
        List<String> rows = []
        c.createStatement().withCloseable { st ->
            st.executeQuery("SELECT * FROM ${table}".toString()).withCloseable { ResultSet rs ->
                int n = rs.metaData.columnCount
                while (rs.next()) {
                    rows << (1..n).collect { String.valueOf(rs.getObject(it)) }.join("\u0001")
                }
            }
        }
        rows.sort()
        MessageDigest md = MessageDigest.getInstance("SHA-256")
        rows.each { md.update(it.getBytes("UTF-8")); md.update((byte) 0) }
        return "rows:${rows.size()} sha256:${md.digest().encodeHex()}"
    }

    /** The tables whose rows differ between the two snapshots. */
    List<String> changedSince(DatabaseSnapshot before) {
        return ((tables.keySet() + before.tables.keySet()).findAll { tables[it] != before.tables[it] } as List<String>).sort()
    }
}
