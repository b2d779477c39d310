package org.zstack.agent;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The directories the management node registered for this host (the conversion host's storage path, the mounts of
 * the primary storages attached to the host's cluster), and the one check every command makes before it reads,
 * writes or deletes a file on the node's word: the path, resolved as the kernel would (symlinks followed, {@code ..}
 * applied), must lie inside one of them. The agent runs as root, so without this check anyone who can reach it could
 * make it delete {@code /etc} or write a volume over a system file.
 *
 * <p>The roots are replaced as a whole at each {@code /host/connect} and {@code /host/roots}, and kept in
 * {@code <stateDir>/allowed-roots.json} so an agent restarted between two connects still serves the jobs it ran.
 * Before any registration nothing is allowed.
 */
public final class AllowedRoots {
    private static final Logger logger = Logger.getLogger(AllowedRoots.class.getName());
    public static final String STATE_FILE = "allowed-roots.json";
    /** The node's error code (conf/errorCodes/v2v.xml) of a path refused here. */
    public static final String PATH_NOT_ALLOWED = "V2V.1020";
    /** The node's error code of a name (a jobUuid) that is not a plain name. */
    public static final String NOT_A_PLAIN_NAME = "V2V.1021";
    /** A uuid, or any plain name: no separators, no dot-only names. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path stateFile;
    private volatile List<Path> roots = List.of();

    private AllowedRoots(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** The roots kept in {@code stateDir} by the last registration, or none. */
    public static AllowedRoots load(Path stateDir) {
        AllowedRoots r = new AllowedRoots(stateDir.resolve(STATE_FILE));
        try {
            String json = Files.readString(r.stateFile, StandardCharsets.UTF_8);
            String[] kept = new Gson().fromJson(json, String[].class);
            r.roots = validate(kept == null ? List.of() : List.of(kept));
            logger.info(String.format("allowed roots from %s: %s", r.stateFile, r.roots));
        } catch (NoSuchFileException e) {
            // never registered: nothing allowed until the node connects
        } catch (IOException | JsonParseException | AgentException e) {
            logger.warning(String.format("ignoring %s (%s): nothing is allowed until the node connects", r.stateFile, e.getMessage()));
        }
        return r;
    }

    /** Roots held in memory only (tests, an agent without a state directory). */
    public static AllowedRoots of(Collection<String> roots) {
        AllowedRoots r = new AllowedRoots(null);
        r.roots = validate(roots);
        return r;
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * Replaces the roots. Each must be absolute and not {@code /}; a bad one refuses the whole list and keeps the
     * old roots. They need not exist yet (a storage path is created by the first job).
     */
    public synchronized void register(Collection<String> newRoots) {
        List<Path> valid = validate(newRoots == null ? List.of() : newRoots);
        if (!valid.equals(roots)) {
            logger.info(String.format("allowed roots %s (were %s)", valid, roots));
        }
        roots = valid;
        if (stateFile != null) {
            persist(valid);
        }
    }

    private static List<Path> validate(Collection<String> given) {
        List<Path> ret = new ArrayList<>();
        for (String s : given) {
            Path p = parse(s, "root");
            if (p.normalize().getNameCount() == 0) {
                throw new AgentException("the root directory / cannot be a storage root");
            }
            if (!ret.contains(p.normalize())) {
                ret.add(p.normalize());
            }
        }
        return List.copyOf(ret);
    }

    private void persist(List<Path> valid) {
        List<String> strings = valid.stream().map(Path::toString).toList();
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = Files.createTempFile(stateFile.getParent(), STATE_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, new Gson().toJson(strings), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the roots hold in memory; only a restart before the next connect would forget them
            logger.warning(String.format("cannot keep the allowed roots in %s: %s", stateFile, e.getMessage()));
        }
    }

    /**
     * @param path  what the node sent
     * @param field the command's field, for the error
     * @return the path resolved (symlinks of its existing part followed, {@code .} and {@code ..} applied), which the
     *         command must use from here on, so that what it touches is what was checked
     * @throws AgentException naming the path when it is not absolute or lies outside every root
     */
    public Path confine(String path, String field) {
        Path p = parse(path, field);
        Path resolved = resolve(p, field);
        List<Path> current = roots;
        for (Path root : current) {
            if (resolved.startsWith(resolve(root, "root"))) {
                return resolved;
            }
        }
        String why = resolved.equals(p) ? "" : " (it resolves to " + resolved + ")";
        throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s %s is outside the storage roots registered for this host%s; allowed: %s",
                field, path, why, current.isEmpty() ? "none (the host is not connected)" : current));
    }

    public Path confine(Path path, String field) {
        return confine(path.toString(), field);
    }

    /**
     * A name the agent puts under a root, such as a jobUuid: a uuid or a plain name, so it can never name a
     * directory elsewhere ({@code /etc}, {@code ../..}).
     */
    public static String plainName(String name, String field) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw AgentException.coded(NOT_A_PLAIN_NAME, String.format("%s must be a plain name (letters, digits, '.', '_', '-'; no '/'), got %s",
                    field, name));
        }
        return name;
    }

    private static Path parse(String path, String field) {
        if (path == null || path.isBlank()) {
            throw AgentException.coded(PATH_NOT_ALLOWED, field + " is required");
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s %s is not a valid path: %s", field, path, e.getMessage()));
        }
        // a relative path would resolve against the agent's working directory, which nobody chose
        if (!p.isAbsolute()) {
            throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s must be an absolute path, got %s", field, path));
        }
        return p;
    }

    /** Symbolic links followed in one resolution before giving up, as the kernel's ELOOP. */
    private static final int MAX_LINKS = 40;

    /**
     * The longest existing prefix by {@link Path#toRealPath} (the kernel's own resolution, so {@code link/..} is the
     * parent of the link's target, not the link's directory), then the names that do not exist yet. A dangling link
     * among them is followed to where a write would create the file. A {@code ..} after a name that does not exist
     * cannot be resolved by the kernel either, and is refused.
     */
    private static Path resolve(Path p, String field) {
        return resolve(p, p, field, 0);
    }

    private static Path resolve(Path original, Path p, String field, int links) {
        if (links > MAX_LINKS) {
            throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s %s: too many levels of symbolic links", field, original));
        }
        int n = p.getNameCount();
        for (int i = n; i >= 0; i--) {
            Path prefix = i == 0 ? p.getRoot() : p.getRoot().resolve(p.subpath(0, i));
            Path real;
            try {
                real = prefix.toRealPath();
            } catch (IOException e) {
                continue;
            }
            for (int j = i; j < n; j++) {
                String name = p.getName(j).toString();
                if (name.equals("..")) {
                    throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s %s has '..' after %s, which does not exist", field,
                            original, real));
                }
                if (name.equals(".")) {
                    continue;
                }
                Path next = real.resolve(name);
                if (Files.isSymbolicLink(next)) {
                    // dangling (toRealPath failed on it): creating the file would create the link's target
                    Path target;
                    try {
                        target = real.resolve(Files.readSymbolicLink(next));
                    } catch (IOException e) {
                        throw AgentException.coded(PATH_NOT_ALLOWED, String.format("%s %s: cannot read the link %s: %s", field, original,
                                next, e.getMessage()));
                    }
                    Path rest = target;
                    for (int k = j + 1; k < n; k++) {
                        rest = rest.resolve(p.getName(k).toString());
                    }
                    return resolve(original, rest, field, links + 1);
                }
                real = next;
            }
            return real;
        }
        return p.normalize();
    }
}
