package org.zstack.core.errorcode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Descriptions of error codes, read once from conf/errorCodes/*.xml:
 * {@code <errorCodeList><prefix>SYS</prefix><code><id>1000</id><description>..</description></code></errorCodeList>}.
 */
public final class ErrorCodeRegistry {
    private static final Logger logger = LoggerFactory.getLogger(ErrorCodeRegistry.class);
    private static final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private static volatile boolean loaded;

    private ErrorCodeRegistry() {
    }

    public static String describe(String code) {
        if (!loaded) {
            load();
        }
        return descriptions.getOrDefault(code, code);
    }

    private static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:errorCodes/*.xml");
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    Document doc = dbf.newDocumentBuilder().parse(in);
                    String prefix = doc.getElementsByTagName("prefix").item(0).getTextContent().trim();
                    NodeList codes = doc.getElementsByTagName("code");
                    for (int i = 0; i < codes.getLength(); i++) {
                        Element c = (Element) codes.item(i);
                        String id = c.getElementsByTagName("id").item(0).getTextContent().trim();
                        String desc = c.getElementsByTagName("description").item(0).getTextContent().trim();
                        descriptions.put(prefix + "." + id, desc);
                    }
                }
            }
        } catch (Exception e) {
            logger.error("cannot read conf/errorCodes", e);
        }
        loaded = true;
    }
}
