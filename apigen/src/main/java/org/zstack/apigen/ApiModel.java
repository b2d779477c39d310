package org.zstack.apigen;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.zstack.header.Inventory;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APINoSee;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.message.Message;
import org.zstack.header.message.NeedReplyMessage;
import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.APIDoc;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.rest.RestResponse;
import org.zstack.header.rest.SuppressCredentialCheck;
import org.zstack.portal.ServiceConfig;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the generators write from: every API the node serves (the classes conf/serviceConfig/*.xml names), read
 * through their annotations the way the REST server reads them, plus the classes their answers carry (inventories
 * and any other structure, with the subclasses of inventories that a reply may hold instead).
 */
final class ApiModel {
    /** Where an SDK result class name differs from the one derived from the response class, the published name wins. */
    static final Map<String, String> RESULT_NAME_OVERRIDES = Map.of(
            "org.zstack.header.network.l2.APICreateL2NoVlanNetworkMsg", "CreateL2NoVlanNetworkResult");

    /** APIs whose SDK action extends a hand-written base instead of AbstractAction/QueryAction. */
    static final Map<String, String> ACTION_BASE_OVERRIDES = Map.of(
            "org.zstack.header.identity.APILogInByAccountMsg", "AbstractLogInAction");

    /** Server classes the SDK runtime already has a hand-written counterpart of. */
    static final Map<String, String> RUNTIME_CLASSES = Map.of(ErrorCode.class.getName(), "ErrorCode");

    /** Fields the SDK's AbstractAction/QueryAction declare for every action; not repeated per action. */
    private static final Set<Class<?>> FRAMEWORK_MESSAGE_CLASSES = Set.of(
            Message.class, NeedReplyMessage.class, APIMessage.class, APISyncCallMessage.class,
            APICreateMessage.class, APIQueryMessage.class);

    private static final Pattern PATH_VAR = Pattern.compile("\\{(\\w+)}");

    final List<Api> apis = new ArrayList<>();
    /** Server class → its SDK data class, sorted by SDK name. */
    final Map<Class<?>, DataClass> dataClasses = new LinkedHashMap<>();
    /** Classes annotated @RestRequest that no serviceConfig file names: the node does not serve them. */
    final List<String> unservedApiClasses = new ArrayList<>();

    private final SourceDocs sourceDocs;
    private final Map<String, Class<?>> sdkNames = new TreeMap<>();

    private ApiModel(SourceDocs sourceDocs) {
        this.sourceDocs = sourceDocs;
    }

    // ---------------------------------------------------------------------------------------------- the model

    record Doc(String en, String zh, String example) {
        static final Doc NONE = new Doc("", "", "");

        String firstSentence() {
            int dot = en.indexOf(". ");
            return dot < 0 ? en : en.substring(0, dot + 1);
        }
    }

    enum Location { URL, BODY, QUERY }

    /** One parameter of an API as a client sends it. */
    static final class Param {
        final String name;
        final Type type;
        final APIParam ap;
        final boolean required;
        final Location location;
        /** The message's initial value (deleteMode = "Permissive"), or null. */
        final Object defaultValue;
        final Doc doc;
        /** Declared by the framework (systemTags, userTags, resourceUuid, tagUuids): the SDK base classes have it. */
        final boolean common;

        Param(String name, Type type, APIParam ap, boolean required, Location location, Object defaultValue, Doc doc,
              boolean common) {
            this.name = name;
            this.type = type;
            this.ap = ap;
            this.required = required;
            this.location = location;
            this.defaultValue = defaultValue;
            this.doc = doc;
            this.common = common;
        }
    }

    /** A top-level key of the answer's JSON body and the field of the reply or event it comes from. */
    record ResultField(String key, Field field, Doc doc) {
        Type type() {
            return field.getGenericType();
        }
    }

    /** One API. */
    static final class Api {
        Class<? extends APIMessage> apiClass;
        String name;
        RestRequest rest;
        HttpMethod method;
        String path;
        List<String> optionalPaths;
        List<String> pathVariables;
        /** The body's single key; null for GET and DELETE. */
        String bodyKey;
        boolean sync;
        boolean needSession;
        boolean query;
        boolean create;
        String actionBase;
        /** Every parameter: the API's own first (in declaration order), then the framework's. */
        final List<Param> params = new ArrayList<>();
        Class<?> responseClass;
        String resultName;
        final List<ResultField> resultFields = new ArrayList<>();
        /** For queries: the inventory that is queried (and whose fields conditions name). */
        Class<?> queryInventory;
        Doc doc;
        String category;

        String actionName() {
            return name + "Action";
        }

        List<Param> ownParams() {
            return params.stream().filter(p -> !p.common).toList();
        }

        boolean returnsLongJob() {
            return resultFields.stream().anyMatch(f -> f.field.getType().getName().equals("org.zstack.header.longjob.LongJobInventory"));
        }
    }

    /** A structure carried by answers (an inventory, or any other org.zstack class), mirrored in the SDK. */
    static final class DataClass {
        Class<?> serverClass;
        String sdkName;
        /** The generated superclass, when the server class extends another data class (KVMHostInventory). */
        DataClass parent;
        final List<Field> fields = new ArrayList<>();
        Doc doc;
        boolean inventory;
        final Map<Field, Doc> fieldDocs = new LinkedHashMap<>();
    }

    // ---------------------------------------------------------------------------------------------- loading

    /** The node's APIs: the classes conf/serviceConfig/*.xml names, and every inventory under org.zstack. */
    static ApiModel load(SourceDocs sourceDocs) {
        List<Class<? extends APIMessage>> classes = new ArrayList<>();
        new ServiceConfig().routes().forEach(r -> classes.add(r.apiClass()));
        ClassIndex index = ClassIndex.scan("org/zstack");
        List<Class<?>> inventories = index.inventoriesAndSubclasses().stream().<Class<?>>map(ApiModel::load).toList();
        ApiModel m = of(sourceDocs, classes, inventories);
        Set<String> served = new TreeSet<>();
        classes.forEach(c -> served.add(c.getName()));
        for (String name : index.annotatedWith(RestRequest.class)) {
            if (!served.contains(name)) {
                m.unservedApiClasses.add(name);
            }
        }
        return m;
    }

    /** A model of the given APIs and data classes (every inventory and its subclasses, for the node). */
    static ApiModel of(SourceDocs sourceDocs, List<Class<? extends APIMessage>> apiClasses, List<Class<?>> dataClasses) {
        ApiModel m = new ApiModel(sourceDocs);
        List<Class<? extends APIMessage>> classes = new ArrayList<>(apiClasses);
        classes.sort(Comparator.comparing(ApiModel::apiName));
        Map<String, Class<?>> names = new TreeMap<>();
        for (Class<? extends APIMessage> c : classes) {
            Class<?> other = names.putIfAbsent(apiName(c), c);
            if (other != null && other != c) {
                throw new GeneratorException(other.getName() + " and " + c.getName() + " would be the same API " + apiName(c));
            }
            m.apis.add(m.readApi(c));
        }
        // a reply typed HostInventory may hold a KVMHostInventory: every inventory and subclass gets an SDK class
        dataClasses.forEach(m::dataClass);
        m.apis.forEach(a -> a.resultFields.forEach(f -> m.collectDataClasses(f.type())));
        m.apis.stream().filter(a -> a.queryInventory != null).forEach(a -> m.dataClass(a.queryInventory));
        m.sortDataClasses();
        m.checkResultNames();
        return m;
    }

    static String apiName(Class<?> apiClass) {
        return apiClass.getSimpleName().replaceFirst("^API", "").replaceFirst("Msg$", "");
    }

    private Api readApi(Class<? extends APIMessage> c) {
        RestRequest rest = c.getAnnotation(RestRequest.class);
        if (rest == null) {
            throw new GeneratorException(c.getName() + " is listed in serviceConfig but has no @RestRequest");
        }
        Api a = new Api();
        a.apiClass = c;
        a.name = apiName(c);
        a.rest = rest;
        a.method = rest.method();
        a.path = rest.path();
        a.optionalPaths = List.of(rest.optionalPaths());
        a.pathVariables = pathVariables(rest.path());
        a.sync = APISyncCallMessage.class.isAssignableFrom(c);
        a.needSession = !c.isAnnotationPresent(SuppressCredentialCheck.class);
        a.query = APIQueryMessage.class.isAssignableFrom(c);
        a.create = APICreateMessage.class.isAssignableFrom(c);
        boolean hasBody = a.method == HttpMethod.POST || a.method == HttpMethod.PUT;
        a.bodyKey = !hasBody ? null : rest.isAction() ? lowerFirst(a.name) : rest.parameterName();
        if (hasBody && (a.bodyKey == null || a.bodyKey.isEmpty())) {
            throw new GeneratorException(c.getName() + ": a " + a.method + " needs parameterName or isAction");
        }
        a.actionBase = ACTION_BASE_OVERRIDES.getOrDefault(c.getName(), a.query ? "QueryAction" : "AbstractAction");
        a.doc = doc(c);
        if (a.doc.en().isEmpty()) {
            a.doc = new Doc(summary(a.name), a.doc.zh(), "");
        }
        a.category = !rest.category().isEmpty() ? rest.category() : category(c);
        readParams(a);
        a.responseClass = rest.responseClass();
        a.resultName = RESULT_NAME_OVERRIDES.getOrDefault(c.getName(), resultName(a.responseClass));
        a.resultFields.addAll(resultFields(a.responseClass));
        if (a.query) {
            AutoQuery aq = c.getAnnotation(AutoQuery.class);
            if (aq == null) {
                throw new GeneratorException(c.getName() + " is a query without @AutoQuery");
            }
            a.queryInventory = aq.inventoryClass();
        }
        for (String v : a.pathVariables) {
            if (a.params.stream().noneMatch(p -> p.name.equals(v))) {
                throw new GeneratorException(c.getName() + ": path " + a.path + " names {" + v + "}, which is no field");
            }
        }
        return a;
    }

    /** Without a description, one made of the name: "AttachL2NetworkToCluster" → "Attaches L2 network to cluster." */
    static String summary(String apiName) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Z][a-z]+|[A-Z0-9]+(?=[A-Z][a-z]|$)|[a-z]+|\\d+").matcher(apiName);
        while (m.find()) {
            words.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean acronym = w.length() > 1 && (w.equals(w.toUpperCase()) || w.matches(".*\\d.*"));
            if (i == 0) {
                w = w.endsWith("y") ? w.substring(0, w.length() - 1) + "ies"
                        : w.endsWith("s") || w.endsWith("h") ? w + "es" : w + "s";
            } else if (!acronym) {
                w = w.toLowerCase();
            }
            out.add(w);
        }
        return String.join(" ", out) + ".";
    }

    /** "APIAddHostEvent" → "AddHostResult", "APIQueryZoneReply" → "QueryZoneResult". */
    static String resultName(Class<?> responseClass) {
        return responseClass.getSimpleName().replaceFirst("^API", "").replaceFirst("(Event|Reply)$", "") + "Result";
    }

    private static String category(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    static List<String> pathVariables(String path) {
        List<String> vars = new ArrayList<>();
        Matcher m = PATH_VAR.matcher(path);
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    private void readParams(Api a) {
        Object defaults = newInstance(a.apiClass);
        List<Param> own = new ArrayList<>();
        List<Param> common = new ArrayList<>();
        for (Class<?> k = a.apiClass; k != null && k != Object.class; k = k.getSuperclass()) {
            boolean framework = FRAMEWORK_MESSAGE_CLASSES.contains(k);
            if (k == APIQueryMessage.class) {
                continue; // the query parameters: QueryAction and the docs' query section
            }
            for (Field f : k.getDeclaredFields()) {
                if (!visible(f)) {
                    continue;
                }
                APIParam ap = f.getAnnotation(APIParam.class);
                Location loc = a.pathVariables.contains(f.getName()) ? Location.URL
                        : a.bodyKey != null ? Location.BODY : Location.QUERY;
                Object dflt = defaults == null ? null : read(f, defaults);
                if (dflt != null && !(dflt instanceof String || dflt instanceof Number || dflt instanceof Boolean)) {
                    dflt = null;
                }
                if (dflt instanceof Boolean b && !b || dflt instanceof Number n && n.longValue() == 0) {
                    dflt = null; // a primitive's zero is no default a client needs to know
                }
                // structured parameters (a task's VM specs) are SDK classes too
                collectDataClasses(f.getGenericType());
                Param p = new Param(f.getName(), f.getGenericType(), ap, ap != null && ap.required(), loc, dflt,
                        fieldDoc(a.apiClass, f), framework);
                (framework ? common : own).add(p);
            }
        }
        // the framework's in a fixed order: resourceUuid, tagUuids, systemTags, userTags
        common.sort(Comparator.comparingInt(p -> List.of("resourceUuid", "tagUuids", "systemTags", "userTags").indexOf(p.name)));
        a.params.addAll(own);
        a.params.addAll(common);
    }

    static boolean visible(Field f) {
        int mod = f.getModifiers();
        return !Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !f.isSynthetic()
                && !f.isAnnotationPresent(APINoSee.class) && !f.getName().startsWith("$") && !f.getName().startsWith("__");
    }

    /** Fields of the class and its superclasses, the superclasses' first (the JSON order Gson writes). */
    static List<Field> visibleFields(Class<?> c) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            chain.add(0, k);
        }
        List<Field> ret = new ArrayList<>();
        for (Class<?> k : chain) {
            for (Field f : k.getDeclaredFields()) {
                if (visible(f)) {
                    ret.add(f);
                }
            }
        }
        return ret;
    }

    /** The answer's top-level keys, as RestResponseMapper builds them. */
    private List<ResultField> resultFields(Class<?> responseClass) {
        RestResponse rr = responseClass.getAnnotation(RestResponse.class);
        List<ResultField> ret = new ArrayList<>();
        if (rr == null) {
            return ret;
        }
        if (!rr.allTo().isEmpty()) {
            ret.add(new ResultField(rr.allTo(), field(responseClass, rr.allTo()), Doc.NONE));
        } else if (rr.fieldsTo().length > 0 && !rr.fieldsTo()[0].equals("all")) {
            for (String mapping : rr.fieldsTo()) {
                String[] kv = mapping.split("=");
                Field f = field(responseClass, (kv.length > 1 ? kv[1] : kv[0]).trim());
                ret.add(new ResultField(kv[0].trim(), f, fieldDoc(responseClass, f)));
            }
        } else {
            for (Field f : visibleFields(responseClass)) {
                ret.add(new ResultField(f.getName(), f, fieldDoc(responseClass, f)));
            }
        }
        return ret;
    }

    private static Field field(Class<?> c, String name) {
        for (Field f : visibleFields(c)) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new GeneratorException(c.getName() + " has no visible field " + name + " for its @RestResponse");
    }

    // ---------------------------------------------------------------------------------------------- data classes

    /** Registers every data class a type mentions (list elements, map values, nested structures). */
    void collectDataClasses(Type t) {
        Types.walk(t, c -> {
            if (Types.isDataClass(c)) {
                dataClass(c);
            }
        });
    }

    DataClass dataClass(Class<?> c) {
        DataClass d = dataClasses.get(c);
        if (d != null) {
            return d;
        }
        String sdkName = c.getSimpleName();
        Class<?> other = sdkNames.putIfAbsent(sdkName, c);
        if (other != null && other != c) {
            throw new GeneratorException("two server classes would be the SDK's " + sdkName + ": " + other.getName()
                    + " and " + c.getName() + "; rename one");
        }
        d = new DataClass();
        d.serverClass = c;
        d.sdkName = sdkName;
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            d.inventory |= k.isAnnotationPresent(Inventory.class);
        }
        d.doc = doc(c);
        dataClasses.put(c, d);
        if (c.getSuperclass() != null && Types.isDataClass(c.getSuperclass())) {
            d.parent = dataClass(c.getSuperclass());
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f)) {
                d.fields.add(f);
                d.fieldDocs.put(f, fieldDoc(c, f));
                collectDataClasses(f.getGenericType());
            }
        }
        return d;
    }

    private void sortDataClasses() {
        List<DataClass> l = new ArrayList<>(dataClasses.values());
        l.sort(Comparator.comparing(d -> d.sdkName));
        dataClasses.clear();
        l.forEach(d -> dataClasses.put(d.serverClass, d));
    }

    /** Two response classes must not claim one SDK result name (APIs sharing a response class share its result). */
    private void checkResultNames() {
        Map<String, Class<?>> owners = new TreeMap<>();
        for (Api a : apis) {
            Class<?> other = owners.putIfAbsent(a.resultName, a.responseClass);
            if (other != null && other != a.responseClass
                    && !sameShape(resultFields(other), a.resultFields)) {
                throw new GeneratorException(a.resultName + " would stand for both " + other.getName() + " and "
                        + a.responseClass.getName());
            }
        }
    }

    private static boolean sameShape(List<ResultField> a, List<ResultField> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).key().equals(b.get(i).key()) || !a.get(i).type().equals(b.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    /** All result classes: name → a representative API (they share the shape). */
    Map<String, Api> resultClasses() {
        Map<String, Api> ret = new TreeMap<>();
        apis.forEach(a -> ret.putIfAbsent(a.resultName, a));
        return ret;
    }

    String sdkName(Class<?> c) {
        String runtime = RUNTIME_CLASSES.get(c.getName());
        if (runtime != null) {
            return runtime;
        }
        DataClass d = dataClasses.get(c);
        if (d == null) {
            throw new GeneratorException("no SDK class for " + c.getName());
        }
        return d.sdkName;
    }

    // ---------------------------------------------------------------------------------------------- docs

    Doc doc(Class<?> c) {
        APIDoc d = c.getAnnotation(APIDoc.class);
        String en = d != null && !d.value().isEmpty() ? d.value() : sourceDocs.classDoc(c);
        return new Doc(en == null ? "" : en, d == null ? "" : d.zhCN(), "");
    }

    Doc fieldDoc(Class<?> owner, Field f) {
        APIDoc d = f.getAnnotation(APIDoc.class);
        String en = d != null && !d.value().isEmpty() ? d.value() : sourceDocs.fieldDoc(f.getDeclaringClass(), f.getName());
        return new Doc(en == null ? "" : en, d == null ? "" : d.zhCN(), d == null ? "" : d.example());
    }

    /** Whether any API, parameter, answer or data class carries a Chinese description. */
    boolean hasChinese() {
        for (Api a : apis) {
            if (!a.doc.zh().isEmpty() || a.params.stream().anyMatch(p -> !p.doc.zh().isEmpty())) {
                return true;
            }
        }
        return dataClasses.values().stream().anyMatch(d -> !d.doc.zh().isEmpty()
                || d.fieldDocs.values().stream().anyMatch(x -> !x.zh().isEmpty()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Object newInstance(Class<?> c) {
        try {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiModel.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new GeneratorException("cannot load " + name, e);
        }
    }

    /** Class names, superclass names and annotations of everything under a package, read without loading. */
    static final class ClassIndex {
        private final Map<String, String> superOf = new TreeMap<>();
        private final Map<String, Set<String>> annotationsOf = new TreeMap<>();

        static ClassIndex scan(String packagePath) {
            ClassIndex idx = new ClassIndex();
            var resolver = new PathMatchingResourcePatternResolver(ApiModel.class.getClassLoader());
            var readers = new CachingMetadataReaderFactory(resolver);
            try {
                for (Resource r : resolver.getResources("classpath*:" + packagePath + "/**/*.class")) {
                    MetadataReader mr = readers.getMetadataReader(r);
                    String name = mr.getClassMetadata().getClassName();
                    idx.superOf.put(name, mr.getClassMetadata().getSuperClassName());
                    idx.annotationsOf.put(name, mr.getAnnotationMetadata().getAnnotationTypes());
                }
            } catch (IOException e) {
                throw new GeneratorException("cannot scan the classpath", e);
            }
            return idx;
        }

        List<String> annotatedWith(Class<?> annotation) {
            return annotationsOf.entrySet().stream().filter(e -> e.getValue().contains(annotation.getName()))
                    .map(Map.Entry::getKey).toList();
        }

        List<String> inventoriesAndSubclasses() {
            Set<String> inventories = new TreeSet<>(annotatedWith(Inventory.class));
            List<String> ret = new ArrayList<>();
            for (String name : superOf.keySet()) {
                for (String k = name; k != null; k = superOf.get(k)) {
                    if (inventories.contains(k)) {
                        ret.add(name);
                        break;
                    }
                }
            }
            return ret;
        }
    }

    static boolean isCollection(Class<?> c) {
        return Collection.class.isAssignableFrom(c);
    }
}
