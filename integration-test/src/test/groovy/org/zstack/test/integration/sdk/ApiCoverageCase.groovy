package org.zstack.test.integration.sdk

import groovy.json.JsonSlurper
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider
import org.springframework.core.type.filter.AnnotationTypeFilter
import org.zstack.header.Inventory
import org.zstack.header.message.APICreateMessage
import org.zstack.header.message.APIMessage
import org.zstack.header.message.APINoSee
import org.zstack.header.message.APIParam
import org.zstack.header.message.APISyncCallMessage
import org.zstack.header.message.Message
import org.zstack.header.message.NeedReplyMessage
import org.zstack.header.query.APIQueryMessage
import org.zstack.header.rest.HttpMethod
import org.zstack.header.rest.RestRequest
import org.zstack.header.rest.SuppressCredentialCheck
import org.zstack.portal.ServiceConfig
import org.zstack.sdk.AbstractAction
import org.zstack.sdk.Param
import org.zstack.sdk.QueryAction
import org.zstack.sdk.RestInfo
import org.zstack.sdk.SourceClassMap

import java.lang.reflect.Field
import java.lang.reflect.Modifier
import java.nio.file.Files
import java.nio.file.Path

/**
 * Every API class of the node (every class under org.zstack with @RestRequest, test-only ones aside) is served
 * (named in conf/serviceConfig) and covered by what apigen generates: a Java SDK action with the API's path, method,
 * body key and parameters; a Python SDK class with the same; a CLI command; an API reference page. Every inventory
 * has an SDK class that SourceClassMap names, and a page. The expectations are worked out here from the API classes,
 * independently of the generator. A new API class that the generated clients or docs miss fails this case.
 */
class ApiCoverageCase {
    static List<Class<? extends APIMessage>> apis
    static Map python
    static String cliHelp

    @BeforeAll
    static void load() {
        def scanner = new ClassPathScanningCandidateComponentProvider(false)
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestRequest))
        apis = scanner.findCandidateComponents("org.zstack")
                .collect { Class.forName(it.beanClassName) }
                .findAll { !it.name.startsWith("org.zstack.testlib.") } // test-only APIs of test nodes
                .sort { it.simpleName } as List<Class<? extends APIMessage>>
        assert apis.size() > 50

        def r = ClientSupport.run(["python3", "-c", "import json, zssdk; print(json.dumps(zssdk.describe()))"],
                ["PYTHONPATH": ClientSupport.PYTHON_SDK.toString()])
        assert r.status == 0: r
        python = (Map) new JsonSlurper().parseText(r.out)
        def help = ClientSupport.run(["python3", ClientSupport.CLI.toString(), "help"])
        assert help.status == 0: help
        cliHelp = help.out
    }

    static String name(Class<?> api) {
        return api.simpleName.replaceFirst(/^API/, "").replaceFirst(/Msg$/, "")
    }

    /** The API's own parameters: visible fields below the framework classes the SDKs' base classes stand for. */
    static List<Field> ownParams(Class<?> api) {
        List<Field> ret = []
        for (Class<?> k = api; k != null && !(k in [Message, NeedReplyMessage, APIMessage, APISyncCallMessage,
                                                     APICreateMessage, APIQueryMessage]); k = k.superclass) {
            ret.addAll(k.declaredFields.findAll {
                !Modifier.isStatic(it.modifiers) && !Modifier.isTransient(it.modifiers) && !it.synthetic &&
                        !it.isAnnotationPresent(APINoSee) && !it.name.startsWith('$')
            })
        }
        return ret
    }

    static String bodyKey(Class<?> api, RestRequest rest) {
        if (rest.method() in [HttpMethod.GET, HttpMethod.DELETE]) {
            return null
        }
        return rest.isAction() ? name(api)[0].toLowerCase() + name(api).substring(1) : rest.parameterName()
    }

    @Test
    void everyApiClassIsServed() {
        Set<String> served = new ServiceConfig().routes()*.apiClass()*.name as Set
        def unserved = apis*.name.findAll { !served.contains(it) }
        assert unserved.isEmpty(): "API classes no conf/serviceConfig file names (the node does not serve them): ${unserved}"
    }

    @Test
    void everyApiHasAJavaSdkActionThatMatchesIt() {
        List<String> problems = []
        for (Class<?> api : apis) {
            RestRequest rest = api.getAnnotation(RestRequest)
            Class<?> action
            try {
                action = Class.forName("org.zstack.sdk.${name(api)}Action")
            } catch (ClassNotFoundException ignored) {
                problems.add("${api.name}: no org.zstack.sdk.${name(api)}Action")
                continue
            }
            boolean query = APIQueryMessage.isAssignableFrom(api)
            if (QueryAction.isAssignableFrom(action) != query || !AbstractAction.isAssignableFrom(action)) {
                problems.add("${action.simpleName}: a query action must extend QueryAction, others AbstractAction")
            }
            def m = action.getDeclaredMethod("getRestInfo")
            m.accessible = true
            RestInfo info = (RestInfo) m.invoke(action.getDeclaredConstructor().newInstance())
            def expected = [rest.method().name(), rest.path(), !api.isAnnotationPresent(SuppressCredentialCheck),
                            !APISyncCallMessage.isAssignableFrom(api), bodyKey(api, rest)]
            def actual = [info.httpMethod, info.path, info.needSession, info.needPoll, info.parameterName]
            if (expected != actual) {
                problems.add("${action.simpleName}: RestInfo ${actual}, the API class says ${expected}")
            }
            for (Field f : ownParams(api)) {
                Field sdk = action.fields.find { it.name == f.name }
                Param p = sdk?.getAnnotation(Param)
                if (p == null) {
                    problems.add("${action.simpleName}: no @Param field ${f.name}")
                    continue
                }
                APIParam ap = f.getAnnotation(APIParam)
                if (p.required() != (ap != null && ap.required()) || ap != null && p.validValues().toList() != ap.validValues().toList()) {
                    problems.add("${action.simpleName}.${f.name}: @Param(required ${p.required()}, validValues " +
                            "${p.validValues()}) against the API's @APIParam")
                }
            }
            Field value = action.classes.find { it.simpleName == "Result" }?.getField("value")
            if (value == null) {
                problems.add("${action.simpleName}: no Result with a value")
            }
        }
        assert problems.isEmpty(): problems.join("\n")
    }

    @Test
    void everyApiHasAPythonSdkClassAndACliCommandThatMatchIt() {
        List<String> problems = []
        for (Class<?> api : apis) {
            RestRequest rest = api.getAnnotation(RestRequest)
            Map d = (Map) python[name(api)]
            if (d == null) {
                problems.add("${api.name}: no zssdk.${name(api)}Action")
                continue
            }
            def expected = [api.name, rest.method().name(), rest.path(), bodyKey(api, rest),
                            !api.isAnnotationPresent(SuppressCredentialCheck), !APISyncCallMessage.isAssignableFrom(api),
                            APIQueryMessage.isAssignableFrom(api)]
            def actual = [d.apiClass, d.method, d.path, d.paramName, d.needSession, d.needPoll, d.query]
            if (expected != actual) {
                problems.add("zssdk.${name(api)}Action: ${actual}, the API class says ${expected}")
            }
            for (Field f : ownParams(api)) {
                Map p = (Map) ((Map) d.params)[f.name]
                APIParam ap = f.getAnnotation(APIParam)
                if (p == null || p.required != (ap != null && ap.required())) {
                    problems.add("zssdk.${name(api)}Action: parameter ${f.name} missing or its required flag differs")
                }
            }
            if (!(cliHelp =~ /\b${name(api)}\b/)) {
                problems.add("zstack-cli help does not list ${name(api)}")
            }
        }
        assert problems.isEmpty(): problems.join("\n")
    }

    @Test
    void everyApiHasAReferencePage() {
        Path docs = ClientSupport.ROOT.resolve("docs/api")
        String index = Files.readString(docs.resolve("README.md"))
        List<String> problems = []
        for (Class<?> api : apis) {
            RestRequest rest = api.getAnnotation(RestRequest)
            Path page = docs.resolve(name(api) + ".md")
            if (!Files.isRegularFile(page)) {
                problems.add("${api.name}: no docs/api/${page.fileName}")
                continue
            }
            String text = Files.readString(page)
            if (!text.contains("`${rest.method()} /zstack/v1${rest.path()}`")) {
                problems.add("${page.fileName}: no `${rest.method()} /zstack/v1${rest.path()}`")
            }
            String key = bodyKey(api, rest)
            if (key != null && !text.contains("| Body key | `${key}` |")) {
                problems.add("${page.fileName}: no body key ${key}")
            }
            for (Field f : ownParams(api)) {
                APIParam ap = f.getAnnotation(APIParam)
                String optional = ap != null && ap.required() ? "no" : "yes"
                if (!(text =~ /\| `${f.name}` \| \w+ \| [^|]+ \| ${optional} \|/)) {
                    problems.add("${page.fileName}: no row for parameter ${f.name} (optional: ${optional})")
                }
            }
            if (!text.contains("## Example request") || !text.contains("## Example response")) {
                problems.add("${page.fileName}: no examples")
            }
            if (!index.contains("(${name(api)}.md)")) {
                problems.add("docs/api/README.md does not link ${name(api)}")
            }
        }
        assert problems.isEmpty(): problems.join("\n")
    }

    @Test
    void everyInventoryHasAnSdkClassAndAPage() {
        def scanner = new ClassPathScanningCandidateComponentProvider(false)
        scanner.addIncludeFilter(new AnnotationTypeFilter(Inventory))
        def inventories = scanner.findCandidateComponents("org.zstack")*.beanClassName
                .findAll { !it.startsWith("org.zstack.testlib.") }
        assert !inventories.isEmpty()
        List<String> problems = []
        for (String inv : inventories) {
            String sdk = SourceClassMap.srcToDstMapping[inv]
            if (sdk == null) {
                problems.add("SourceClassMap lacks ${inv}")
                continue
            }
            Class<?> c = Class.forName(sdk)
            Class<?> server = Class.forName(inv)
            for (Field f : server.declaredFields.findAll { !Modifier.isStatic(it.modifiers) && !it.isAnnotationPresent(APINoSee) }) {
                if (!c.fields.any { it.name == f.name }) {
                    problems.add("${sdk} lacks ${f.name}")
                }
            }
            if (!Files.isRegularFile(ClientSupport.ROOT.resolve("docs/api/inventories/${c.simpleName}.md"))) {
                problems.add("no docs/api/inventories/${c.simpleName}.md")
            }
        }
        assert problems.isEmpty(): problems.join("\n")
    }
}
