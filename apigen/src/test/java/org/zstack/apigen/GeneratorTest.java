package org.zstack.apigen;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.apigen.sample.APIChangeThingStateMsg;
import org.zstack.apigen.sample.APICreateThingMsg;
import org.zstack.apigen.sample.APIListPartsMsg;
import org.zstack.apigen.sample.APIQueryThingMsg;
import org.zstack.apigen.sample.BigThingInventory;
import org.zstack.apigen.sample.ThingInventory;
import org.zstack.header.host.APIAddHostEvent;
import org.zstack.header.zone.APIQueryZoneReply;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generators on a few sample API classes (apigen/src/test/java/.../sample) that use what the real ones do not yet. */
class GeneratorTest {
    static ApiModel model;

    @BeforeAll
    static void load() {
        model = ApiModel.of(SourceDocs.of(List.of(Path.of("src/test/java"))),
                List.of(APICreateThingMsg.class, APIChangeThingStateMsg.class, APIQueryThingMsg.class, APIListPartsMsg.class),
                List.of(ThingInventory.class, BigThingInventory.class));
    }

    private static ApiModel.Api api(String name) {
        return model.apis.stream().filter(a -> a.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theModelReadsTheAnnotationsAsTheRestServerDoes() {
        ApiModel.Api create = api("CreateThing");
        assertEquals("params", create.bodyKey);
        assertFalse(create.sync);
        assertEquals("CreateThingResult", create.resultName);
        assertEquals(List.of("name", "l3NetworkUuids", "options", "cpuNum", "mode", "url", "pauseVm",
                "resourceUuid", "tagUuids", "systemTags", "userTags"), create.params.stream().map(p -> p.name).toList());
        assertEquals("Slow", create.params.get(4).defaultValue);
        assertEquals("What it is called.", create.params.get(0).doc.en());
        assertEquals("名称", create.params.get(0).doc.zh());
        assertEquals("Creates a thing from its parts.", create.doc.en());
        assertEquals("创建一个东西", create.doc.zh());
        assertEquals("changeThingState", api("ChangeThingState").bodyKey);
        assertEquals("CreateThingResult", api("ChangeThingState").resultName);
        ApiModel.Api list = api("ListParts");
        assertTrue(list.sync);
        assertFalse(list.needSession);
        assertEquals(ApiModel.Location.URL, list.params.get(0).location);
        assertEquals(ApiModel.Location.QUERY, list.params.get(1).location);
        assertEquals(List.of("inventories", "version", "caps"), list.resultFields.stream().map(ApiModel.ResultField::key).toList());
        assertEquals("QueryAction", api("QueryThing").actionBase);
        assertTrue(model.dataClasses.containsKey(org.zstack.apigen.sample.Part.class), "structures in replies are mirrored");
        assertEquals("ThingInventory", model.dataClasses.get(BigThingInventory.class).parent.sdkName);
    }

    @Test
    void resultNamesComeFromTheResponseClass() {
        assertEquals("AddHostResult", ApiModel.resultName(APIAddHostEvent.class));
        assertEquals("QueryZoneResult", ApiModel.resultName(APIQueryZoneReply.class));
        assertEquals("Attaches L2 network to cluster.", ApiModel.summary("AttachL2NetworkToCluster"));
        assertEquals("Queries V2V conversion host.", ApiModel.summary("QueryV2VConversionHost"));
    }

    /** The generated classes compile with the SDK's hand-written runtime, and carry the API's checks. */
    @Test
    void theJavaSdkCompilesWithTheRuntime(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/org/zstack/sdk");
        Files.createDirectories(src);
        try (var runtime = Files.list(Path.of("../sdk/src/main/java/org/zstack/sdk"))) {
            for (Path p : runtime.toList()) {
                if (!OutputFiles.isGenerated(p, JavaSdkGenerator.MARKER)) {
                    Files.copy(p, src.resolve(p.getFileName()));
                }
            }
        }
        for (Map.Entry<String, String> e : new JavaSdkGenerator(model).generate().entrySet()) {
            Files.writeString(src.resolve(e.getKey()), e.getValue());
        }
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-proc:none",
                "-cp", System.getProperty("java.class.path")));
        try (var files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, args.toArray(new String[0]));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));

        try (URLClassLoader cl = new URLClassLoader(new java.net.URL[]{dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> action = cl.loadClass("org.zstack.sdk.CreateThingAction");
            Object a = action.getDeclaredConstructor().newInstance();
            assertEquals("Slow", action.getField("mode").get(a));
            assertEquals("java.util.List<java.lang.String>", action.getField("l3NetworkUuids").getGenericType().getTypeName());
            assertEquals(Boolean.class, action.getField("pauseVm").getType(), "parameters are boxed: null is not sent");
            Class<? extends Annotation> param = cl.loadClass("org.zstack.sdk.Param").asSubclass(Annotation.class);
            Annotation p = action.getField("l3NetworkUuids").getAnnotation(param);
            assertEquals(true, param.getMethod("nonempty").invoke(p));
            assertEquals("^[a-z]+:/.*$", param.getMethod("validRegexValues").invoke(action.getField("url").getAnnotation(param)));
            Method restInfo = action.getDeclaredMethod("getRestInfo");
            restInfo.setAccessible(true);
            Object info = restInfo.invoke(a);
            assertEquals("/things", info.getClass().getField("path").get(info));
            assertEquals(true, info.getClass().getField("needPoll").get(info));

            Class<?> big = cl.loadClass("org.zstack.sdk.BigThingInventory");
            assertEquals("org.zstack.sdk.ThingInventory", big.getSuperclass().getName());
            assertEquals("java.lang.String", cl.loadClass("org.zstack.sdk.ThingInventory").getField("state").getType().getName());
            assertEquals(long.class, cl.loadClass("org.zstack.sdk.ThingInventory").getField("size").getType());
            Class<?> listResult = cl.loadClass("org.zstack.sdk.ListPartsResult");
            assertEquals("java.util.List<org.zstack.sdk.Part>", listResult.getField("inventories").getGenericType().getTypeName());
            assertEquals("java.util.Map<java.lang.String, java.util.List<java.lang.String>>",
                    listResult.getField("caps").getGenericType().getTypeName());
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) cl.loadClass("org.zstack.sdk.SourceClassMap")
                    .getField("srcToDstMapping").get(null);
            assertEquals("org.zstack.sdk.BigThingInventory", map.get(BigThingInventory.class.getName()));
            assertEquals("org.zstack.sdk.Part", map.get("org.zstack.apigen.sample.Part"));
        }
    }

    @Test
    void thePythonSdkDescribesEveryApi(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("zssdk.py"), new PythonSdkGenerator(model).generate());
        Process p = new ProcessBuilder("python3", "-c", "import json, zssdk; print(json.dumps(zssdk.describe()))")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonObject d = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(4, d.size());
        JsonObject create = d.getAsJsonObject("CreateThing");
        assertEquals("POST", create.get("method").getAsString());
        assertEquals("params", create.get("paramName").getAsString());
        JsonObject mode = create.getAsJsonObject("params").getAsJsonObject("mode");
        assertEquals("[\"Slow\",\"Fast\"]", mode.get("validValues").toString());
        assertTrue(create.getAsJsonObject("params").getAsJsonObject("name").get("required").getAsBoolean());
        assertEquals("List<String>", create.getAsJsonObject("params").getAsJsonObject("l3NetworkUuids").get("type").getAsString());
        assertEquals("changeThingState", d.getAsJsonObject("ChangeThingState").get("paramName").getAsString());
        assertFalse(d.getAsJsonObject("ListParts").get("needSession").getAsBoolean());
        assertTrue(d.getAsJsonObject("QueryThing").get("query").getAsBoolean());
    }

    @Test
    void theDocsShowEveryParameterWithTheChineseDescriptions() {
        Map<String, String> docs = new DocGenerator(model).generate();
        String page = docs.get("CreateThing.md");
        assertTrue(page.contains("`POST /zstack/v1/things`"), page);
        assertTrue(page.contains("Creates a thing from its parts."), page);
        assertTrue(page.contains("中文说明：创建一个东西"), page);
        assertTrue(page.contains("| `name` | body | String | no | at most 255 characters | What it is called. | 名称 |"), page);
        assertTrue(page.contains("| `mode` | body | String | yes | `Slow`, `Fast` | How it is made Default: `Slow`. |"), page);
        assertTrue(page.contains("| `l3NetworkUuids` | body | List<String> | no | not empty |"), page);
        assertTrue(page.contains("| `cpuNum` | body | Integer | no | 1 to 1024 |"), page);
        assertTrue(page.contains("-d '{\"params\":{\"name\":\"example\""), page);
        assertTrue(page.contains("[ThingInventory](inventories/ThingInventory.md)"), page);
        assertTrue(page.contains("\"state\": \"Enabled\""), "an enum's example is its first constant: " + page);
        assertTrue(docs.get("ChangeThingState.md").contains("-d '{\"changeThingState\":{\"stateEvent\":\"enable\"}}'"),
                docs.get("ChangeThingState.md"));
        assertTrue(docs.get("ListParts.md").contains("| Session | not needed |"));
        assertTrue(docs.get("QueryThing.md").contains("`uuid`, `name`, `state`, `size`, `parts`, `createDate`"));
        assertTrue(docs.get("inventories/Part.md").contains("中文说明：部件"));
        assertTrue(docs.get("inventories/ThingInventory.md").contains("One of `Enabled`, `Disabled`."));
        assertTrue(docs.get("inventories/BigThingInventory.md").contains("a [ThingInventory](ThingInventory.md) with more fields"));
        assertTrue(docs.get("README.md").contains("| [CreateThing](CreateThing.md) | `POST /things` | Creates a thing from its parts. 创建一个东西 |"));
    }

    @Test
    void generatedFilesNeverReplaceHandWrittenOnesAndStaleOnesGo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ZSClient.java"), "package org.zstack.sdk;\n");
        Files.writeString(dir.resolve("OldAction.java"), JavaSdkGenerator.MARKER + " from x\n");
        OutputFiles out = new OutputFiles();
        out.sync(dir, Map.of("NewAction.java", JavaSdkGenerator.MARKER + " from y\n"), JavaSdkGenerator.MARKER, ".java");
        assertTrue(Files.exists(dir.resolve("NewAction.java")));
        assertFalse(Files.exists(dir.resolve("OldAction.java")));
        assertTrue(Files.exists(dir.resolve("ZSClient.java")));
        assertThrows(GeneratorException.class, () -> new OutputFiles().sync(dir,
                Map.of("ZSClient.java", JavaSdkGenerator.MARKER + "\n"), JavaSdkGenerator.MARKER, ".java"));
        OutputFiles again = new OutputFiles();
        again.sync(dir, Map.of("NewAction.java", JavaSdkGenerator.MARKER + " from y\n"), JavaSdkGenerator.MARKER, ".java");
        assertTrue(again.changed.isEmpty(), "unchanged content is not rewritten");
    }
}
