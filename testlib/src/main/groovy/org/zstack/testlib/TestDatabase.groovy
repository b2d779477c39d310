package org.zstack.testlib

import java.sql.DriverManager

/**
 * The database a test node uses: an embedded H2 file database under the node's data directory (the default), or,
 * with -Dzstack.test.db=mariadb, a fresh database on the machine's MariaDB (127.0.0.1:3306, the user .ci/run makes).
 */
class TestDatabase {
    static boolean isMariaDB() {
        return System.getProperty("zstack.test.db", "h2") == "mariadb"
    }

    static String mariaUrl() { System.getProperty("zstack.test.db.url", "jdbc:mariadb://127.0.0.1:3306/") }
    static String mariaUser() { System.getProperty("zstack.test.db.user", "zstack") }
    static String mariaPassword() { System.getProperty("zstack.test.db.password", "zstack") }

    /** Properties naming a new, empty database (nothing for H2: the node creates it in its data directory). */
    static Properties newDatabase() {
        return isMariaDB() ? newMariaDB() : new Properties()
    }

    /** A new, empty database on the machine's MariaDB whatever -Dzstack.test.db says: for cases that need MariaDB. */
    static Properties newMariaDB() {
        Properties p = new Properties()
        String name = "zstack_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        DriverManager.getConnection(mariaUrl(), mariaUser(), mariaPassword()).withCloseable { c ->
            c.createStatement().withCloseable { it.execute("CREATE DATABASE `${name}` CHARACTER SET utf8mb4") }
        }
        p.setProperty("DB.url", mariaUrl() + name)
        p.setProperty("DB.user", mariaUser())
        p.setProperty("DB.password", mariaPassword())
        return p
    }

    static void drop(Properties p) {
        String url = p.getProperty("DB.url")
        if (url == null || !url.startsWith("jdbc:mariadb:")) {
            return
        }
        String name = url.substring(url.lastIndexOf('/') + 1)
        DriverManager.getConnection(mariaUrl(), mariaUser(), mariaPassword()).withCloseable { c ->
            c.createStatement().withCloseable { it.execute("DROP DATABASE IF EXISTS `${name}`") }
        }
    }
}
