package org.zstack.core.ansible;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.errorcode.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one playbook of ansible/ against one host. Secrets (the SSH password, the private key) go into files of
 * mode 0600 that are deleted afterwards: never onto a command line, where any user could read them, nor into a log.
 */
public class AnsibleRunner {
    private static final Logger logger = LoggerFactory.getLogger(AnsibleRunner.class);
    private static final int OUTPUT_TAIL = 4000;

    private final Path playbook;
    private final String targetIp;
    private String connection = "ssh";
    private String username = "root";
    private int sshPort = 22;
    private String password;
    private String privateKey;
    private long timeoutSeconds = 1800;
    private String tags;
    private final List<String> masked = new ArrayList<>();

    public AnsibleRunner(Path playbook, String targetIp) {
        this.playbook = playbook;
        this.targetIp = targetIp;
    }

    /** "ssh" for real hosts; "local" runs the tasks on this machine (tests, or a node that is its own host). */
    public AnsibleRunner connection(String c) { connection = c; return this; }
    public AnsibleRunner username(String u) { username = u; return this; }
    public AnsibleRunner sshPort(int p) { sshPort = p; return this; }
    public AnsibleRunner password(String p) { password = p; return this; }
    public AnsibleRunner privateKey(String k) { privateKey = k; return this; }
    public AnsibleRunner timeoutSeconds(long t) { timeoutSeconds = t; return this; }
    /** Runs only the tasks with these tags (comma-separated); null runs all. */
    public AnsibleRunner tags(String t) { tags = t; return this; }
    /** A secret among the vars: replaced by ****** should ansible's output ever show it. */
    public AnsibleRunner masked(String secret) { if (secret != null && !secret.isEmpty()) masked.add(secret); return this; }

    /** Null on success, else an error whose details end with the tail of ansible's output. */
    public ErrorCode run(Map<String, Object> vars) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("zstack-ansible", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Map<String, Object> all = new java.util.HashMap<>(vars);
            all.put("ansible_user", username);
            all.put("ansible_port", sshPort);
            if (password != null) {
                all.put("ansible_password", password);
                all.put("ansible_become_password", password);
            }
            Path varsFile = secretFile(dir.resolve("vars.json"), JSONObjectUtil.toJsonString(all));
            List<String> cmd = new ArrayList<>(List.of("ansible-playbook", playbook.toString(),
                    "-i", targetIp + ",", "-c", connection, "-e", "@" + varsFile));
            if (tags != null) {
                cmd.add("--tags");
                cmd.add(tags);
            }
            if (privateKey != null) {
                cmd.add("--private-key");
                cmd.add(secretFile(dir.resolve("id"), privateKey.endsWith("\n") ? privateKey : privateKey + "\n").toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
            pb.environment().put("ANSIBLE_NOCOLOR", "1");
            pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
            Path out = dir.resolve("output");
            pb.redirectOutput(out.toFile());
            long begin = System.currentTimeMillis();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Platform.touterr("ansible-playbook %s on %s did not finish in %d s", playbook.getFileName(), targetIp, timeoutSeconds);
            }
            String output = Files.readString(out);
            logger.info("ansible-playbook {} on {} exited {} in {} ms", playbook.getFileName(), targetIp, p.exitValue(),
                    System.currentTimeMillis() - begin);
            if (p.exitValue() != 0) {
                String tail = output.length() > OUTPUT_TAIL ? output.substring(output.length() - OUTPUT_TAIL) : output;
                for (String m : masked) {
                    tail = tail.replace(m, "******");
                }
                return Platform.operr("ansible-playbook %s failed on %s (exit %d): %s", playbook.getFileName(), targetIp,
                        p.exitValue(), tail.replace(password == null ? "\u0000" : password, "******"));
            }
            return null;
        } catch (IOException e) {
            return Platform.operr("cannot run ansible-playbook (is ansible installed?): %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Platform.operr("interrupted while running ansible-playbook on %s", targetIp);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Path secretFile(Path p, String content) throws IOException {
        Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(p, content);
        return p;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            logger.warn("cannot remove {}", dir);
        }
    }
}
