package org.zstack.core.ansible;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where ansible-playbook is and which Python runs it (its "#!" line): AnsibleRunner's launcher has to run in that
 * interpreter, the one that can import ansible.
 */
record AnsiblePlaybookCommand(Path script, List<String> interpreter) {
    static AnsiblePlaybookCommand find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "ansible-playbook");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new AnsiblePlaybookCommand(p.toAbsolutePath(), interpreterOf(p));
            }
        }
        return new AnsiblePlaybookCommand(null, List.of("python3"));
    }

    private static List<String> interpreterOf(Path script) {
        try (BufferedReader r = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first != null && first.startsWith("#!")) {
                List<String> words = Arrays.stream(first.substring(2).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                if (!words.isEmpty()) {
                    return words;
                }
            }
        } catch (IOException e) {
            // not readable as text (a binary wrapper): fall back to the PATH's python3
        }
        return List.of("python3");
    }
}
