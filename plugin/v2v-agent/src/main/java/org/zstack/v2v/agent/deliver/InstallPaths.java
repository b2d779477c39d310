package org.zstack.v2v.agent.deliver;

import org.zstack.agent.AgentException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The checks on a volume's install path, where the target agent writes and deletes on the node's word: absolute,
 * already normalized, no {@code ..}, not directly under {@code /}, and a volume file by its name, so that a wrong
 * or hostile path cannot overwrite or remove an arbitrary file of the host.
 */
final class InstallPaths {
    private InstallPaths() {
    }

    static Path check(String path, String field) {
        if (path == null || !path.startsWith("/")) {
            throw new AgentException(field + " must be an absolute path, got " + path);
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw new AgentException(field + " is not a valid path: " + e.getMessage());
        }
        for (Path name : p) {
            if (name.toString().equals("..") || name.toString().equals(".")) {
                throw new AgentException(field + " must not contain '.' or '..': " + path);
            }
        }
        if (!p.normalize().toString().equals(path)) {
            throw new AgentException(field + " must be a normalized path: " + path);
        }
        if (p.getNameCount() < 2) {
            throw new AgentException(field + " must not be directly under '/': " + path);
        }
        String name = p.getFileName().toString();
        if (!name.endsWith(".qcow2") && !name.endsWith(".raw")) {
            throw new AgentException(field + " must name a .qcow2 or .raw file: " + path);
        }
        return p;
    }

    /** Where a file is written before it is complete: a half-written volume never has the volume's name. */
    static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }
}
