package org.zstack.apigen;

import java.nio.file.Path;
import java.util.Map;

/**
 * Generates, from the API classes on the classpath (the node's: conf and its dependencies), into the source tree
 * under the given root: the Java SDK's per-API classes, the Python SDK and the API reference. Run by apigen's Maven
 * build (process-classes); by hand: {@code java -cp <apigen's runtime classpath> org.zstack.apigen.Main <repo root>}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: org.zstack.apigen.Main <repository root>");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            OutputFiles out = generate(root);
            System.out.printf("apigen: %d files changed, %d removed%n", out.changed.size(), out.removed.size());
            out.changed.forEach(p -> System.out.println("  written " + root.relativize(p)));
            out.removed.forEach(p -> System.out.println("  removed " + root.relativize(p)));
        } catch (GeneratorException e) {
            System.err.println("apigen: " + e.getMessage());
            System.exit(1);
        }
    }

    static OutputFiles generate(Path root) {
        ApiModel model = ApiModel.load(SourceDocs.scan(root));
        for (String c : model.unservedApiClasses) {
            System.err.println("apigen: warning: " + c + " has @RestRequest but no conf/serviceConfig file names it: "
                    + "the node does not serve it, and no client has it");
        }
        System.out.printf("apigen: %d APIs, %d inventories and other structures%n", model.apis.size(),
                model.dataClasses.size());
        OutputFiles out = new OutputFiles();
        Map<String, String> java = new JavaSdkGenerator(model).generate();
        out.sync(root.resolve("sdk/src/main/java/org/zstack/sdk"), java, JavaSdkGenerator.MARKER, ".java");
        out.write(root.resolve("sdk/python/zssdk.py"), new PythonSdkGenerator(model).generate(), PythonSdkGenerator.MARKER);
        out.sync(root.resolve("docs/api"), new DocGenerator(model).generate(), DocGenerator.MARKER, ".md");
        return out;
    }
}
