package org.zstack.test.integration.sdk

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Runs the generated Python SDK and the CLI (sdk/python/zssdk.py, sdk/zstack-cli) as a user would. */
class ClientSupport {
    /** The repository: the tests run in integration-test/, the clients live in sdk/. */
    static final Path ROOT = locateRoot()
    static final Path CLI = ROOT.resolve("sdk/zstack-cli")
    static final Path PYTHON_SDK = ROOT.resolve("sdk/python")

    private static Path locateRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.parent) {
            if (Files.isRegularFile(p.resolve("sdk/zstack-cli"))) {
                return p
            }
        }
        throw new IllegalStateException("no sdk/zstack-cli above " + System.getProperty("user.dir"))
    }

    static class Run {
        int status
        String out
        String err

        Object getJson() { new JsonSlurper().parseText(out) }

        Object getErrorJson() { new JsonSlurper().parseText(err) }

        @Override
        String toString() { "exit ${status}\nstdout: ${out}\nstderr: ${err}" }
    }

    /** A test resource (src/test/resources) as a file. */
    static String resource(String name) {
        return Path.of(ClientSupport.getResource(name).toURI()).toString()
    }

    static Run run(List<String> cmd, Map<String, String> env = [:], String stdin = null, long timeoutSec = 120) {
        ProcessBuilder pb = new ProcessBuilder(cmd)
        pb.environment().putAll(env)
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1")
        Process p = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        Thread t1 = Thread.start { out << p.inputStream }
        Thread t2 = Thread.start { err << p.errorStream }
        p.outputStream.withCloseable { if (stdin != null) { it.write(stdin.getBytes("UTF-8")) } }
        assert p.waitFor(timeoutSec, TimeUnit.SECONDS): "${cmd} did not end within ${timeoutSec} s"
        t1.join()
        t2.join()
        return new Run(status: p.exitValue(), out: out.toString("UTF-8"), err: err.toString("UTF-8"))
    }

    /** The CLI of one user: its own state directory (session, history), talking to the node on port. */
    static class Cli {
        final Path home = Files.createTempDirectory("zstack-cli")
        final int port

        Cli(int port) {
            this.port = port
        }

        Map<String, String> getEnv() {
            ["ZSTACK_CLI_HOME": home.toString(), "ZSTACK_CLI_PORT": String.valueOf(port), "ZSTACK_CLI_HOST": "127.0.0.1"]
        }

        Run call(String... args) {
            return ClientSupport.run(["python3", CLI.toString()] + args.toList(), env)
        }

        Run script(String lines) {
            return ClientSupport.run(["python3", CLI.toString()], env, lines)
        }

        Process start(String... args) {
            ProcessBuilder pb = new ProcessBuilder(["python3", CLI.toString()] + args.toList())
            pb.environment().putAll(env)
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1")
            return pb.start()
        }

        /**
         * Types the steps into an interactive CLI on a pseudo-terminal (test resource pty_session.py): each step's
         * text is sent and its expect (a regex) awaited in the terminal's output.
         */
        Map pty(List<Map> steps) {
            Run r = ClientSupport.run(["python3", resource("/sdk/pty_session.py"), "python3", CLI.toString()], env,
                    JsonOutput.toJson(steps))
            assert r.status == 0: r
            return (Map) new JsonSlurper().parseText(r.out)
        }

        void delete() {
            home.toFile().deleteDir()
        }
    }
}
