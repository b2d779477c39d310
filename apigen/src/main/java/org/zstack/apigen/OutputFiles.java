package org.zstack.apigen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes generated files into the source tree: only those whose content changed (so incremental builds stay
 * incremental), never over a hand-written file (one without the generator's marker on its first line), and removes
 * generated files that are no longer generated (an API that was removed).
 */
final class OutputFiles {
    final List<Path> changed = new ArrayList<>();
    final List<Path> removed = new ArrayList<>();

    /** @param files path relative to dir → content; all of them start with marker */
    void sync(Path dir, Map<String, String> files, String marker, String extension) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : files.entrySet()) {
                write(dir.resolve(e.getKey()), e.getValue(), marker);
            }
            List<Path> existing;
            try (Stream<Path> s = Files.walk(dir)) {
                existing = s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(extension)).toList();
            }
            for (Path p : existing) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!files.containsKey(rel) && isGenerated(p, marker)) {
                    Files.delete(p);
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path file, String content, String marker) {
        try {
            if (Files.exists(file)) {
                if (!isGenerated(file, marker)) {
                    throw new GeneratorException(file + " is hand-written (no \"" + marker + "\" first line): a generated "
                            + "file of that name would replace it; rename the API, inventory or hand-written class");
                }
                if (Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                    return;
                }
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            changed.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isGenerated(Path file, String marker) throws IOException {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(marker);
        }
    }
}
