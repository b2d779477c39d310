package org.zstack.core.ansible;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.errorcode.ErrorCode;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.TimeUnit;

/**
 * Runs one playbook of ansible/ against one host. Secrets (the SSH password, the private key, whatever the playbook's
 * variables hold) never touch a file system path, a command line or a log: they go through a pipe to a small
 * launcher that runs ansible-playbook inside its own interpreter with the variables as an in-memory "-e" argument
 * (what /proc/&lt;pid&gt;/cmdline shows is only the launcher's), and the private key in a memory-only file (memfd, 0600)
 * that ssh opens as /proc/&lt;pid&gt;/fd/&lt;n&gt;. All of it dies with the process, so a node killed during a deployment
 * leaves no secret behind. ansible's output comes back through a pipe as well.
 * (ansible resolves the paths it is given, so "-e @/proc/..." cannot name an unlinked file; ssh's -o IdentityFile
 * is passed through as written.)
 */
public class AnsibleRunner {
    private static final Logger logger = LoggerFactory.getLogger(AnsibleRunner.class);
    private static final int OUTPUT_TAIL = 4000;
    /** stdin: {"vars": {...}, "key": "..." or null}; argv: the ansible-playbook script and its arguments. */
    private static final String LAUNCHER = String.join("\n",
            "import json, os, runpy, sys",
            "given = json.load(sys.stdin)",
            "extra = given['vars']",
            "if given.get('key') is not None:",
            "    fd = os.memfd_create('zstack-ansible-key')",
            "    os.fchmod(fd, 0o600)",
            "    data = given['key'].encode('utf-8')",
            "    while data:",
            "        data = data[os.write(fd, data):]",
            "    ref = '/proc/%d/fd/%d' % (os.getpid(), fd)",
            "    extra['ansible_ssh_extra_args'] = (extra.get('ansible_ssh_extra_args', '') + ' -o IdentityFile=' + ref).strip()",
            "os.dup2(os.open(os.devnull, os.O_RDONLY), 0)",
            "sys.argv = sys.argv[1:] + ['-e', json.dumps(extra)]",
            "runpy.run_path(sys.argv[0], run_name='__main__')",
            "");

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
        Map<String, Object> all = new HashMap<>(vars);
        all.put("ansible_user", username);
        all.put("ansible_port", sshPort);
        if (password != null) {
            all.put("ansible_password", password);
            all.put("ansible_become_password", password);
        }
        Map<String, Object> given = new HashMap<>();
        given.put("vars", all);
        given.put("key", privateKey == null || privateKey.endsWith("\n") ? privateKey : privateKey + "\n");
        AnsiblePlaybookCommand ansible = AnsiblePlaybookCommand.find();
        List<String> cmd = new ArrayList<>(ansible.interpreter());
        cmd.addAll(List.of("-c", LAUNCHER, ansible.script().toString(), playbook.toString(),
                "-i", targetIp + ",", "-c", connection));
        if (tags != null) {
            cmd.add("--tags");
            cmd.add(tags);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        long begin = System.currentTimeMillis();
        Process p;
        try {
            if (ansible.script() == null) {
                throw new IOException("ansible-playbook is not on the PATH");
            }
            p = pb.start();
        } catch (IOException e) {
            return Platform.operr("cannot run ansible-playbook (are python3 and ansible installed?): %s", e.getMessage());
        }
        OutputTail output = new OutputTail(p.getInputStream());
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(JSONObjectUtil.toJsonString(given).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the launcher died before reading; its output says why
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Platform.touterr("ansible-playbook %s on %s did not finish in %d s", playbook.getFileName(), targetIp, timeoutSeconds);
            }
            String tail = output.await();
            logger.info("ansible-playbook {} on {} exited {} in {} ms", playbook.getFileName(), targetIp, p.exitValue(),
                    System.currentTimeMillis() - begin);
            if (p.exitValue() != 0) {
                for (String m : masked) {
                    tail = tail.replace(m, "******");
                }
                return Platform.operr("ansible-playbook %s failed on %s (exit %d): %s", playbook.getFileName(), targetIp,
                        p.exitValue(), password == null ? tail : tail.replace(password, "******"));
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return Platform.operr("interrupted while running ansible-playbook on %s", targetIp);
        }
    }

    /** Drains the process's output on a thread of its own (a full pipe would stall ansible), keeping only the end. */
    private static final class OutputTail {
        private final StringBuilder tail = new StringBuilder();
        private final Thread reader;

        OutputTail(InputStream in) {
            reader = new Thread(() -> {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    char[] buf = new char[8192];
                    for (int n; (n = r.read(buf)) > 0; ) {
                        synchronized (tail) {
                            tail.append(buf, 0, n);
                            if (tail.length() > 2 * OUTPUT_TAIL) {
                                tail.delete(0, tail.length() - OUTPUT_TAIL);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is all there is
                }
            }, "ansible-output");
            reader.setDaemon(true);
            reader.start();
        }

        String await() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (tail) {
                return tail.length() > OUTPUT_TAIL ? tail.substring(tail.length() - OUTPUT_TAIL) : tail.toString();
            }
        }
    }
}
