package org.zstack.v2v;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's migration pipeline is layered as the agent's is, and its imports point one way (down): the runner
 * ({@code migration}) runs the flows ({@code flow}), which share the state of one run ({@code job}), which reads the
 * sources ({@code source}). A flow that reached up into the runner, or shared state that knew a flow, would tangle
 * them again (issue 18). The plugin's root package (API messages, VOs, the manager) is ZStack's flat contract
 * package and is not a layer.
 */
class ImportLayersTest {
    /** Package under org.zstack.v2v → its floor; a package may use only its own floor and the floors below it. */
    private static final Map<String, Integer> FLOORS = Map.of("migration", 3, "flow", 2, "job", 1, "source", 0);
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.zstack\\.v2v\\.([a-z]+)(\\.[a-z]+)*\\.[A-Z*]");
    private static final Path MAIN = Path.of("src/main/java/org/zstack/v2v");

    @Test
    void everyImportOfTheLayersPointsDown() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from plugin/v2v: no " + MAIN.toAbsolutePath());
        List<String> upward = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String floor = floorOf(MAIN.relativize(f));
                if (floor != null) {
                    checked++;
                    upward.addAll(upwardReferences(MAIN.relativize(f).toString(), floor, read(f)));
                }
            }
        }
        assertTrue(checked > 20, "the layers hold the pipeline's classes; found only " + checked);
        assertEquals(List.of(), upward, "imports that point up a layer (" + FLOORS + ")");
    }

    @Test
    void anUpwardImportIsNamedWithItsFileAndLine() {
        String source = "package org.zstack.v2v.job;\n\nimport org.zstack.v2v.source.SourceVm;\n"
                + "import org.zstack.v2v.migration.MigrationRun;\n\n/** {@link org.zstack.v2v.flow.ConvertGuestFlow} */\n"
                + "class X { org.zstack.v2v.flow.ConvertGuestFlow f; }\n";
        assertEquals(List.of("job/X.java:4: import org.zstack.v2v.migration.MigrationRun;",
                        "job/X.java:7: class X { org.zstack.v2v.flow.ConvertGuestFlow f; }"),
                upwardReferences("job/X.java", "job", source));
    }

    /** The layer of a file (relative to the plugin's root package), or null for the root package itself. */
    private static String floorOf(Path relative) {
        if (relative.getNameCount() < 2) {
            return null;
        }
        String top = relative.getName(0).toString();
        assertTrue(FLOORS.containsKey(top), "a package of plugin/v2v in no layer: " + top + " (" + relative + ")");
        return top;
    }

    /** Lines of a file in layer {@code floor} that import, or name in full, a class of a higher layer. */
    static List<String> upwardReferences(String file, String floor, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.trim();
            if (code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                continue; // a comment may name any class; only code depends on it
            }
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                Integer to = FLOORS.get(m.group(1));
                if (to != null && to > FLOORS.get(floor)) {
                    found.add(file + ":" + (i + 1) + ": " + line.trim());
                    break;
                }
            }
        }
        return found;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
