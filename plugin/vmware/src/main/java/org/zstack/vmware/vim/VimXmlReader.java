package org.zstack.vmware.vim;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.rmi.RemoteException;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a vSphere SOAP answer into yavijava's com.vmware.vim25 classes, leniently: a vCenter (or the simulator) newer
 * than the client sends fields, types and enum values the client does not know. Those are skipped (unknown fields),
 * read as their nearest known declared type (unknown xsi:type), or left null (unknown enum values), instead of
 * failing the whole call. A managed object reference's plain {@code type} attribute is the one without a namespace,
 * wherever an {@code xsi:type} stands beside it.
 * <p>
 * Streaming (StAX) and reflective: the public fields of the vim25 classes are the schema. Field maps are cached per
 * class. A SOAP fault becomes the vim25 fault it names (a RemoteException), thrown.
 */
public final class VimXmlReader {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String VIM_PACKAGE = "com.vmware.vim25.";

    /** One factory per thread: the JDK does not promise that one may make readers for several threads at once. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(VimXmlReader::newFactory);
    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<Class<?>>> VIM_TYPES = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> SIMPLE = new HashMap<>();
    private static final ThreadLocal<DatatypeFactory> DATES = ThreadLocal.withInitial(() -> {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    static {
        // the names yavijava's stubs use for return types, and the xsd names of xsi:type
        SIMPLE.put("String", String.class);
        SIMPLE.put("string", String.class);
        SIMPLE.put("anyURI", String.class);
        SIMPLE.put("int", int.class);
        SIMPLE.put("Integer", Integer.class);
        SIMPLE.put("long", long.class);
        SIMPLE.put("Long", Long.class);
        SIMPLE.put("short", short.class);
        SIMPLE.put("Short", Short.class);
        SIMPLE.put("byte", byte.class);
        SIMPLE.put("Byte", Byte.class);
        SIMPLE.put("boolean", boolean.class);
        SIMPLE.put("Boolean", Boolean.class);
        SIMPLE.put("float", float.class);
        SIMPLE.put("Float", Float.class);
        SIMPLE.put("double", double.class);
        SIMPLE.put("Double", Double.class);
        SIMPLE.put("dateTime", Calendar.class);
        SIMPLE.put("Calendar", Calendar.class);
        SIMPLE.put("base64Binary", byte[].class);
    }

    private VimXmlReader() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** Thrown when the answer is not a SOAP envelope: the endpoint is no vSphere API. */
    public static class NotSoapException extends RemoteException {
        public NotSoapException(String message) {
            super(message);
        }
    }

    /** The faultstring of a fault, kept as the cause of the vim25 fault thrown (MethodFault has no message). */
    public static class FaultString extends Exception {
        public FaultString(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /**
     * The value of a call: returnType is what yavijava's stub names ("ObjectContent[]", "UserSession", "String",
     * null for none).
     */
    public static Object read(String returnType, InputStream in) throws Exception {
        XMLStreamReader r;
        try {
            r = FACTORY.get().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new NotSoapException("the answer is not XML: " + e.getMessage());
        }
        try {
            if (!nextStart(r) || !r.getLocalName().equals("Envelope")) {
                throw new NotSoapException("the answer is not a SOAP envelope");
            }
            // Envelope: skip a Header, find the Body
            while (nextChild(r)) {
                if (r.getLocalName().equals("Body")) {
                    return readBody(r, returnType);
                }
                skip(r);
            }
            throw new NotSoapException("the SOAP envelope has no body");
        } catch (XMLStreamException e) {
            throw new NotSoapException("the answer is not well-formed XML: " + e.getMessage());
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the caller closes the stream
            }
        }
    }

    private static Object readBody(XMLStreamReader r, String returnType) throws Exception {
        if (!nextChild(r)) {
            return null;
        }
        if (r.getLocalName().equals("Fault")) {
            throw readFault(r);
        }
        boolean isArray = returnType != null && returnType.endsWith("[]");
        Class<?> type = returnType == null ? null : typeOf(isArray ? returnType.substring(0, returnType.length() - 2) : returnType);
        List<Object> values = new ArrayList<>();
        while (nextChild(r)) {
            if (type == null || !r.getLocalName().equals("returnval")) {
                skip(r);
                continue;
            }
            values.add(readValue(r, type));
        }
        if (type == null) {
            return null;
        }
        if (isArray) {
            return toArray(type, values);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Exception readFault(XMLStreamReader r) throws Exception {
        String faultCode = null;
        String faultString = null;
        Object detail = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "faultcode" -> faultCode = elementText(r);
                case "faultstring" -> faultString = elementText(r);
                case "detail" -> {
                    while (nextChild(r)) {
                        if (detail == null) {
                            detail = readFaultDetail(r);
                        } else {
                            skip(r);
                        }
                    }
                }
                default -> skip(r);
            }
        }
        String text = faultString == null ? "SOAP fault " + faultCode : faultString;
        if (detail instanceof MethodFault f) {
            f.detail = new FaultString(text);
            return f;
        }
        return new RemoteException(text);
    }

    /** The element is named after the fault ("InvalidLoginFault"), its xsi:type names it ("InvalidLogin"). */
    private static Object readFaultDetail(XMLStreamReader r) throws Exception {
        if (xsiType(r) == null) {
            String name = r.getLocalName();
            Class<?> c = vimType(name.endsWith("Fault") ? name.substring(0, name.length() - 5) : name);
            if (c != null && MethodFault.class.isAssignableFrom(c)) {
                return readObject(r, c);
            }
        }
        return readValue(r, MethodFault.class);
    }

    /** Reads the element the reader is at, up to and including its end, as a value of the declared type. */
    static Object readValue(XMLStreamReader r, Class<?> declared) throws Exception {
        Class<?> actual = actualType(r, declared);
        if (actual == null) {
            // an unknown type where anything may stand: its text, if it has nothing else
            return textOrSkip(r);
        }
        return readAs(r, actual);
    }

    private static Class<?> actualType(XMLStreamReader r, Class<?> declared) {
        String xsi = xsiType(r);
        if (xsi == null) {
            return declared == Object.class ? null : declared;
        }
        Class<?> named = typeOf(xsi);
        if (named == null) {
            return declared == Object.class ? null : declared;
        }
        if (declared == Object.class || declared.isAssignableFrom(named) || boxed(declared) == boxed(named)) {
            return named;
        }
        return declared;
    }

    private static Object readAs(XMLStreamReader r, Class<?> c) throws Exception {
        if (c == ManagedObjectReference.class) {
            ManagedObjectReference mor = new ManagedObjectReference();
            mor.setType(plainAttribute(r, "type"));
            mor.setVal(elementText(r).trim());
            return mor;
        }
        if (c.isArray() && c != byte[].class) {
            Class<?> component = c.getComponentType();
            List<Object> items = new ArrayList<>();
            while (nextChild(r)) {
                items.add(readValue(r, component));
            }
            return toArray(component, items);
        }
        if (isSimple(c)) {
            return simple(c, elementText(r));
        }
        if (c.isEnum()) {
            return enumValue(c, elementText(r).trim());
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            skip(r);
            return null;
        }
        return readObject(r, c);
    }

    private static Object readObject(XMLStreamReader r, Class<?> c) throws Exception {
        Object obj = c.getDeclaredConstructor().newInstance();
        Map<String, Field> fields = fieldsOf(c);
        Map<Field, List<Object>> arrays = null;
        while (nextChild(r)) {
            Field f = fields.get(r.getLocalName());
            if (f == null) {
                skip(r);
                continue;
            }
            Class<?> t = f.getType();
            if (t.isArray() && t != byte[].class) {
                Object v = readValue(r, t.getComponentType());
                if (v != null) {
                    if (arrays == null) {
                        arrays = new LinkedHashMap<>();
                    }
                    arrays.computeIfAbsent(f, k -> new ArrayList<>()).add(v);
                }
            } else {
                Object v = readValue(r, t);
                if (v != null || !t.isPrimitive()) {
                    if (v != null && !boxed(t).isInstance(v)) {
                        continue;
                    }
                    f.set(obj, v);
                }
            }
        }
        if (arrays != null) {
            for (Map.Entry<Field, List<Object>> e : arrays.entrySet()) {
                e.getKey().set(obj, toArray(e.getKey().getType().getComponentType(), e.getValue()));
            }
        }
        return obj;
    }

    private static Map<String, Field> fieldsOf(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            Map<String, Field> m = new HashMap<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                        continue;
                    }
                    // yavijava prefixes Java keywords: ArrayOfInt._int holds <int> elements
                    String name = f.getName().startsWith("_") ? f.getName().substring(1) : f.getName();
                    m.putIfAbsent(name, f);
                }
            }
            // RemoteException's own public field is no part of the schema
            m.remove("detail");
            return m;
        });
    }

    private static Object toArray(Class<?> component, List<Object> items) {
        Class<?> box = boxed(component);
        List<Object> ok = new ArrayList<>(items.size());
        for (Object o : items) {
            if (o != null && box.isInstance(o)) {
                ok.add(o);
            }
        }
        Object a = Array.newInstance(component, ok.size());
        for (int i = 0; i < ok.size(); i++) {
            Array.set(a, i, ok.get(i));
        }
        return a;
    }

    private static boolean isSimple(Class<?> c) {
        return c == String.class || c.isPrimitive() || Number.class.isAssignableFrom(c) || c == Boolean.class
                || c == Calendar.class || c == byte[].class;
    }

    private static Object simple(Class<?> c, String text) {
        String t = text.trim();
        try {
            if (c == String.class) {
                return text;
            } else if (c == int.class || c == Integer.class) {
                return Integer.valueOf(t);
            } else if (c == long.class || c == Long.class) {
                return Long.valueOf(t);
            } else if (c == boolean.class || c == Boolean.class) {
                return t.equals("true") || t.equals("1");
            } else if (c == short.class || c == Short.class) {
                return Short.valueOf(t);
            } else if (c == byte.class || c == Byte.class) {
                return Byte.valueOf(t);
            } else if (c == float.class || c == Float.class) {
                return Float.valueOf(t);
            } else if (c == double.class || c == Double.class) {
                return Double.valueOf(t);
            } else if (c == Calendar.class) {
                return DATES.get().newXMLGregorianCalendar(t).toGregorianCalendar();
            } else if (c == byte[].class) {
                return Base64.getMimeDecoder().decode(t);
            }
        } catch (RuntimeException e) {
            // a value the client cannot read is left out, as an unknown field would be
            return null;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String text) {
        try {
            return Enum.valueOf((Class<? extends Enum>) c, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == double.class) {
            return Double.class;
        }
        return c;
    }

    /** A type name of the stubs or of xsi:type: xsd simple types, ArrayOfXxx, or a vim25 class; null if unknown. */
    static Class<?> typeOf(String name) {
        Class<?> s = SIMPLE.get(name);
        if (s != null) {
            return s;
        }
        if (name.startsWith("ArrayOf")) {
            String item = name.substring("ArrayOf".length());
            Class<?> simpleItem = SIMPLE.get(Character.toLowerCase(item.charAt(0)) + item.substring(1));
            if (item.equals("String")) {
                simpleItem = String.class;
            }
            Class<?> component = simpleItem != null && simpleItem != byte[].class ? simpleItem : vimType(item);
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return vimType(name);
    }

    private static Class<?> vimType(String name) {
        return VIM_TYPES.computeIfAbsent(name, n -> {
            if (n.isEmpty() || !Character.isJavaIdentifierStart(n.charAt(0))) {
                return Optional.empty();
            }
            try {
                return Optional.of(Class.forName(VIM_PACKAGE + n, false, VimXmlReader.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static String xsiType(XMLStreamReader r) {
        String v = r.getAttributeValue(XSI, "type");
        if (v == null) {
            return null;
        }
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(colon + 1);
    }

    /** The attribute of that name in no namespace: a MOR's type, not the xsi:type beside it. */
    private static String plainAttribute(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The text of an element, up to its end; child elements (where none belong) are passed over. */
    private static String elementText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE)) {
                text.append(r.getText());
            }
        }
        return text.toString();
    }

    private static Object textOrSkip(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean children = false;
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                children = true;
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA)) {
                text.append(r.getText());
            }
        }
        return children ? null : text.toString();
    }

    /** Moves to the next START_ELEMENT in the document; false at its end. */
    private static boolean nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * From inside an element (at its start, or at the end of a previous child): moves to its next child element and
     * returns true, or to its own end element and returns false.
     */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** From an element's start, to its end. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
