package org.zstack.core.config;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.AbstractService;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.Message;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import static org.zstack.core.Platform.argerr;

/**
 * Loads the definitions of conf/globalConfig/*.xml, adds new ones to GlobalConfigVO (keeping values an
 * administrator changed), caches the values, and serves UpdateGlobalConfig.
 */
public class GlobalConfigFacade extends AbstractService {
    public static final String SERVICE_ID = "globalConfig";

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private CloudBus bus;

    private final Map<String, GlobalConfigDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, List<BiConsumer<String, String>>> updateListeners = new ConcurrentHashMap<>();

    public GlobalConfigFacade() {
        loadDefinitions();
    }

    @Override
    public String getId() {
        return SERVICE_ID;
    }

    @Override
    public boolean start() {
        Map<String, GlobalConfigVO> stored = new HashMap<>();
        for (GlobalConfigVO vo : Q.New(GlobalConfigVO.class).list()) {
            stored.put(vo.getCategory() + "." + vo.getName(), vo);
        }
        for (GlobalConfigDefinition d : definitions.values()) {
            GlobalConfigVO vo = stored.get(d.identity());
            if (vo == null) {
                vo = new GlobalConfigVO();
                vo.setCategory(d.category());
                vo.setName(d.name());
                vo.setValue(d.defaultValue());
            }
            vo.setDescription(d.description());
            vo.setDefaultValue(d.defaultValue());
            vo = dbf.update(vo);
            values.put(d.identity(), vo.getValue());
        }
        GlobalConfig.setFacade(this);
        return true;
    }

    String getValue(String category, String name) {
        String v = values.get(category + "." + name);
        if (v == null) {
            throw new IllegalArgumentException("no global config " + category + "." + name + " in conf/globalConfig");
        }
        return v;
    }

    public GlobalConfigInventory updateValue(String category, String name, String value) {
        GlobalConfigDefinition d = definitions.get(category + "." + name);
        if (d == null) {
            throw new OperationFailureException(argerr("no global config[category:%s, name:%s]", category, name));
        }
        validate(d, value);
        GlobalConfigVO vo = Q.New(GlobalConfigVO.class).eq("category", category).eq("name", name).find();
        String old = vo.getValue();
        vo.setValue(value);
        vo = dbf.update(vo);
        values.put(d.identity(), value);
        for (BiConsumer<String, String> l : updateListeners.getOrDefault(d.identity(), List.of())) {
            l.accept(old, value);
        }
        return GlobalConfigInventory.valueOf(vo);
    }

    void addUpdateListener(String identity, BiConsumer<String, String> listener) {
        updateListeners.computeIfAbsent(identity, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private static void validate(GlobalConfigDefinition d, String value) {
        if (value == null) {
            throw new OperationFailureException(argerr("global config %s needs a value", d.identity()));
        }
        if (!d.validValues().isEmpty() && !d.validValues().contains(value)) {
            throw new OperationFailureException(argerr("global config %s must be one of %s, not %s", d.identity(), d.validValues(), value));
        }
        if (isNumeric(d)) {
            validateNumber(d, value);
            return;
        }
        try {
            GlobalConfigTypes.convert(value, d.type());
        } catch (RuntimeException e) {
            throw new OperationFailureException(argerr("global config %s must be a %s, not %s", d.identity(), d.type().getSimpleName(), value));
        }
        if (d.type() == Boolean.class && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new OperationFailureException(argerr("global config %s must be true or false, not %s", d.identity(), value));
        }
    }

    static boolean isNumeric(GlobalConfigDefinition d) {
        return Number.class.isAssignableFrom(d.type());
    }

    /**
     * Inside [min, max] of its definition, both given for every numeric config (GlobalConfigCase checks it): an
     * unbounded ping interval of 99999999999 s was accepted and meant never.
     */
    private static void validateNumber(GlobalConfigDefinition d, String value) {
        String range = String.format("[%s, %s]", d.min() == null ? "-inf" : d.min(), d.max() == null ? "+inf" : d.max());
        boolean integral = d.type() != Double.class;
        double n;
        try {
            if (integral && !value.matches("-?[0-9]{1,19}")) {
                throw new NumberFormatException();
            }
            n = integral ? Long.parseLong(value) : Double.parseDouble(value);
            if (Double.isNaN(n) || Double.isInfinite(n)) {
                throw new NumberFormatException();
            }
            GlobalConfigTypes.convert(value, d.type());
        } catch (RuntimeException e) {
            throw new OperationFailureException(argerr("global config %s must be %s in the range %s, not %s", d.identity(),
                    integral ? "an integer" : "a number", range, abbreviate(value)));
        }
        if ((d.min() != null && n < d.min()) || (d.max() != null && n > d.max())) {
            throw new OperationFailureException(argerr("global config %s must be in the range %s, not %s", d.identity(), range, value));
        }
    }

    private static String abbreviate(String v) {
        return v.length() <= 64 ? v : v.substring(0, 64) + "...";
    }

    /** Every definition of conf/globalConfig, for checks and listings. */
    public Collection<GlobalConfigDefinition> getDefinitions() {
        return Collections.unmodifiableCollection(definitions.values());
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APIUpdateGlobalConfigMsg m) {
            APIUpdateGlobalConfigEvent evt = new APIUpdateGlobalConfigEvent(m.getId());
            try {
                evt.setInventory(updateValue(m.getCategory(), m.getName(), m.getValue()));
            } catch (OperationFailureException e) {
                evt.setError(e.getErrorCode());
            }
            bus.publish(evt);
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void loadDefinitions() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:globalConfig/*.xml");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    NodeList configs = f.newDocumentBuilder().parse(in).getElementsByTagName("config");
                    for (int i = 0; i < configs.getLength(); i++) {
                        GlobalConfigDefinition d = definition((Element) configs.item(i));
                        if (definitions.put(d.identity(), d) != null) {
                            throw new IllegalStateException("global config " + d.identity() + " is defined twice");
                        }
                    }
                }
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read conf/globalConfig", e);
        }
    }

    private static GlobalConfigDefinition definition(Element e) {
        String valid = text(e, "validValues");
        return new GlobalConfigDefinition(text(e, "category"), text(e, "name"), text(e, "description"),
                text(e, "defaultValue"), GlobalConfigTypes.typeOf(text(e, "type")),
                Optional.ofNullable(text(e, "min")).map(Long::valueOf).orElse(null),
                Optional.ofNullable(text(e, "max")).map(Long::valueOf).orElse(null),
                valid == null ? List.of() : Arrays.asList(valid.split("\\s*,\\s*")));
    }

    private static String text(Element e, String tag) {
        NodeList nl = e.getElementsByTagName(tag);
        return nl.getLength() == 0 ? null : nl.item(0).getTextContent().trim();
    }
}
