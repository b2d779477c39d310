package org.zstack.v2v.agent.deliver;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v2v/volume/delete}: the rollback of deliver. Removes the volumes (and a leftover .part), then each
 * one's {@code vol-<uuid>} directory when it is empty; other directories stay, as they belong to the primary
 * storage's layout. A file that is not there is success: rollback runs again after a failure.
 */
public class VolumeDeleteCommand implements CommandHandler<VolumeDeleteCommand.DeleteCmd> {
    public static class DeleteCmd {
        public List<String> paths;
    }

    public static class DeleteRsp extends AgentResponse {
        /** The paths that existed and were removed. */
        public List<String> deleted;
    }

    @Override
    public AgentResponse handle(DeleteCmd cmd, AgentContext ctx) throws IOException {
        if (cmd.paths == null) {
            throw new AgentException("paths is required");
        }
        List<Path> paths = new ArrayList<>();
        for (String p : cmd.paths) {
            // all checked before any is removed: one bad path refuses the whole request
            InstallPaths.check(p, "path");
            paths.add(ctx.allowedRoots().confine(p, "path"));
        }
        DeleteRsp rsp = new DeleteRsp();
        rsp.deleted = new ArrayList<>();
        for (Path p : paths) {
            if (Files.deleteIfExists(p)) {
                rsp.deleted.add(p.toString());
            }
            Files.deleteIfExists(InstallPaths.partOf(p));
            Path parent = p.getParent();
            if (parent.getFileName().toString().startsWith("vol-")) {
                try {
                    Files.delete(parent);
                } catch (DirectoryNotEmptyException | NoSuchFileException ignored) {
                    // still holds other files, or already gone
                }
            }
        }
        return rsp;
    }
}
