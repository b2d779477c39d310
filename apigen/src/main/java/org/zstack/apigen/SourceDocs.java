package org.zstack.apigen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of API classes and their fields, read from the source tree: the English descriptions of the docs when
 * no @APIDoc gives one. Only the comment right before a class or field declaration counts (annotations may stand
 * between). A class whose source is not found simply has no description.
 */
final class SourceDocs {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", "node_modules", "docs", "ui", ".idea");
    private static final String ANNOTATIONS = "((?:@[\\w.]+(?:\\s*\\((?:[^()]|\\([^()]*\\))*\\))?\\s*)*)";
    private static final Pattern FIELD = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*" + ANNOTATIONS
            + "(?:(?:private|protected|public|final|volatile)\\s+)*[\\w.<>,?\\[\\] ]+?\\s+(\\w+)\\s*(?:=[^;]*)?;",
            Pattern.DOTALL);

    /** "org/zstack/header/zone/ZoneInventory" → its .java or .groovy file. */
    private final Map<String, Path> sources = new HashMap<>();
    private final Map<Path, String> texts = new HashMap<>();

    private SourceDocs() {
    }

    /** Indexes the given source roots (directories holding package directories). */
    static SourceDocs of(List<Path> sourceRoots) {
        SourceDocs d = new SourceDocs();
        d.index(sourceRoots);
        return d;
    }

    private void index(List<Path> sourceRoots) {
        try {
            for (Path sr : sourceRoots) {
                try (var files = Files.walk(sr)) {
                    files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".groovy")).forEach(f -> {
                        String rel = sr.relativize(f).toString().replace('\\', '/');
                        sources.putIfAbsent(rel.substring(0, rel.lastIndexOf('.')), f);
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes every src/main/{java,groovy} tree under root. */
    static SourceDocs scan(Path root) {
        SourceDocs d = new SourceDocs();
        List<Path> sourceRoots = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 6, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String p = dir.toString().replace('\\', '/');
                    if (p.endsWith("/src/main/java") || p.endsWith("/src/main/groovy")) {
                        sourceRoots.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            d.index(sourceRoots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    String classDoc(Class<?> c) {
        String text = text(c);
        if (text == null) {
            return "";
        }
        Pattern p = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*" + ANNOTATIONS
                + "(?:(?:public|abstract|final)\\s+)*(?:class|interface|enum|record)\\s+" + Pattern.quote(c.getSimpleName())
                + "\\b", Pattern.DOTALL);
        Matcher m = p.matcher(text);
        return m.find() ? clean(m.group(1)) : "";
    }

    String fieldDoc(Class<?> c, String field) {
        String text = text(c);
        if (text == null) {
            return "";
        }
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (m.group(3).equals(field)) {
                return clean(m.group(1));
            }
        }
        return "";
    }

    private String text(Class<?> c) {
        if (c.getEnclosingClass() != null) {
            return null;
        }
        Path f = sources.get(c.getName().replace('.', '/'));
        if (f == null) {
            return null;
        }
        return texts.computeIfAbsent(f, p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The comment's text on one line: without leading stars, {@code x} as `x`, {@link X#y} as X.y, no HTML. */
    static String clean(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            if (l.startsWith("@")) {
                break; // @param, @return...: not descriptions
            }
            sb.append(l).append(' ');
        }
        String s = sb.toString();
        s = s.replaceAll("\\{@code\\s+([^}]*)}", "`$1`");
        s = s.replaceAll("\\{@link(?:plain)?\\s+#?([^}\\s]*)(?:\\s+([^}]*))?}", "$1");
        s = s.replaceAll("<pre>.*?</pre>", " ");
        s = s.replaceAll("</?\\w+[^>]*>", " ");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").strip();
    }
}
