package org.zstack.portal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.zstack.header.message.APIMessage;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.*;

/**
 * conf/serviceConfig/*.xml: which service handles each API class, and the interceptors (bean names) it goes
 * through. It is also the list of APIs the REST server serves: an API that no file names does not exist.
 */
public class ServiceConfig {
    public record ApiRoute(Class<? extends APIMessage> apiClass, String serviceId, List<String> interceptors) {
    }

    private final Map<Class<?>, ApiRoute> routes = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public ServiceConfig() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:serviceConfig/*.xml");
            Arrays.sort(files, Comparator.comparing(Resource::getDescription));
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    Element service = dbf.newDocumentBuilder().parse(in).getDocumentElement();
                    String serviceId = childText(service, "id");
                    List<String> serviceInterceptors = childTexts(service, "interceptor");
                    for (Element m : children(service, "message")) {
                        String name = childText(m, "name");
                        String sid = Optional.ofNullable(childText(m, "serviceId")).orElse(serviceId);
                        List<String> interceptors = new ArrayList<>(serviceInterceptors);
                        interceptors.addAll(childTexts(m, "interceptor"));
                        Class<?> clz = Class.forName(name);
                        routes.put(clz, new ApiRoute((Class<? extends APIMessage>) clz, sid, interceptors));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read conf/serviceConfig", e);
        }
    }

    public ApiRoute route(Class<?> apiClass) {
        return routes.get(apiClass);
    }

    public Collection<ApiRoute> routes() {
        return routes.values();
    }

    private static List<Element> children(Element e, String tag) {
        List<Element> ret = new ArrayList<>();
        NodeList nl = e.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                ret.add(c);
            }
        }
        return ret;
    }

    private static List<String> childTexts(Element e, String tag) {
        List<String> ret = new ArrayList<>();
        for (Element c : children(e, tag)) {
            ret.add(c.getTextContent().trim());
        }
        return ret;
    }

    private static String childText(Element e, String tag) {
        List<String> l = childTexts(e, tag);
        return l.isEmpty() ? null : l.get(0);
    }
}
