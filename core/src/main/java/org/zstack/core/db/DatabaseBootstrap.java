package org.zstack.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.NodeList;
import org.zstack.core.ZStackProperties;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the database named by zstack.properties (DB.url/DB.user/DB.password; MariaDB in production), or an embedded
 * H2 file database under the data directory when none is named, migrates it with Flyway (conf/db), and builds the
 * JPA factory over the entities listed in conf/persistence.xml.
 */
public class DatabaseBootstrap {
    private static final Logger logger = LoggerFactory.getLogger(DatabaseBootstrap.class);

    private final HikariDataSource dataSource;
    private final DatabaseFacadeImpl facade;
    private final boolean h2;

    public DatabaseBootstrap(ZStackProperties props) {
        String url = props.get("DB.url");
        h2 = url == null || url.startsWith("jdbc:h2:");
        if (url == null) {
            Path file = props.dataDir().resolve("db").resolve("zstack");
            url = "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=MariaDB;DB_CLOSE_ON_EXIT=FALSE;NON_KEYWORDS=VALUE";
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(props.get("DB.user", h2 ? "sa" : "root"));
        hc.setPassword(props.get("DB.password", ""));
        hc.setMaximumPoolSize(props.getInt("DB.maxPoolSize", 20));
        hc.setPoolName("zstack-db");
        dataSource = new HikariDataSource(hc);
        logger.info("database: {}", url.replaceAll("password=[^;&]*", "password=***"));

        Flyway.configure().dataSource(dataSource).locations("classpath:db").baselineOnMigrate(true).load().migrate();

        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("zstack");
        for (Class<?> c : entityClasses()) {
            cfg.managedClass(c);
        }
        cfg.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        cfg.property(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.property(AvailableSettings.SHOW_SQL, "false");
        EntityManagerFactory emf = cfg.createEntityManagerFactory();
        facade = new DatabaseFacadeImpl(emf);
        Q.setDatabaseFacade(facade);
    }

    public boolean isH2() {
        return h2;
    }

    public DatabaseFacade getDatabaseFacade() {
        return facade;
    }

    public javax.sql.DataSource getDataSource() {
        return dataSource;
    }

    /** Every persistence.xml on the classpath lists its entities; plugins may ship their own. */
    private static List<Class<?>> entityClasses() {
        List<Class<?>> classes = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:persistence.xml");
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    NodeList nl = dbf.newDocumentBuilder().parse(in).getElementsByTagName("class");
                    for (int i = 0; i < nl.getLength(); i++) {
                        classes.add(Class.forName(nl.item(i).getTextContent().trim()));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the entity list in persistence.xml", e);
        }
        return classes;
    }

    public void close() {
        facade.close();
        dataSource.close();
    }
}
