package org.zstack.test.integration.sdk

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.core.progress.ProgressReportService
import org.zstack.sdk.*
import org.zstack.test.integration.host.HostEnv
import org.zstack.testlib.longjob.TestLongJob

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * The clients apigen generates, each against a real node with real KVM hosts (agent processes on 127.0.0.21 and
 * .22): the Java SDK, the Python SDK (sdk/python/zssdk.py) and the CLI (sdk/zstack-cli) each log in, create a V2V
 * conversion host, query it with conditions, act on it, delete it and meet errors. The CLI also in its interactive
 * mode (completion and history, through a pseudo-terminal) and following a long job.
 */
class GeneratedClientsCase {
    static HostEnv env
    static HostInventory host1
    static HostInventory host2

    @BeforeAll
    static void boot() {
        env = new HostEnv()
        env.agent("127.0.0.21")
        env.agent("127.0.0.22")
        host1 = env.addHost("127.0.0.21")
        host2 = env.addHost("127.0.0.22")
    }

    @AfterAll
    static void shutdown() {
        env?.stop()
    }

    static String storagePath() {
        return Files.createTempDirectory("v2v-clients").resolve("cache").toString()
    }

    // ------------------------------------------------------------------------------------------ Java SDK

    @Test
    void javaSdk() {
        String session = new LogInByAccountAction(accountName: "admin", password: "password").call()
                .throwExceptionIfError().value.inventory.uuid

        def add = new AddV2VConversionHostAction(name: "ch-java", type: "VMWARE", hostUuid: host1.uuid,
                storagePath: storagePath(), systemTags: ["v2v::download::bandwidth::2097152"], sessionId: session)
        V2VConversionHostInventory ch = add.call().throwExceptionIfError().value.inventory
        assert ch.name == "ch-java" && ch.downloadBandwidth == 2097152L

        def q = new QueryV2VConversionHostAction(conditions: ["name=ch-java", "type=VMWARE"], replyWithCount: true,
                sessionId: session).call().throwExceptionIfError().value
        assert q.total == 1 && q.inventories[0] instanceof V2VConversionHostInventory
        assert new QueryV2VConversionHostAction(conditions: ["name=ch-java", "type=KVM"], sessionId: session)
                .call().throwExceptionIfError().value.inventories.isEmpty()

        def disabled = new ChangeV2VConversionHostStateAction(uuid: ch.uuid, stateEvent: "disable", sessionId: session)
                .call().throwExceptionIfError().value.inventory
        assert disabled.state == "Disabled"
        assert new UpdateV2VConversionHostAction(uuid: ch.uuid, name: "ch-java-2", sessionId: session)
                .call().throwExceptionIfError().value.inventory.name == "ch-java-2"

        // an API the hand-written SDK lacked: generated from its API class like every other
        ZoneInventory zone = new CreateZoneAction(name: "clients-zone", sessionId: session).call().throwExceptionIfError().value.inventory
        assert new ChangeZoneStateAction(uuid: zone.uuid, stateEvent: "disable", sessionId: session)
                .call().throwExceptionIfError().value.inventory.state == "Disabled"
        new DeleteZoneAction(uuid: zone.uuid, sessionId: session).call().throwExceptionIfError()

        def dup = new AddV2VConversionHostAction(name: "dup", type: "VMWARE", hostUuid: host1.uuid, storagePath: storagePath(),
                sessionId: session).call()
        assert dup.error.code == "V2V.1003"
        def missing = new ChangeV2VConversionHostStateAction(uuid: "0" * 32, stateEvent: "enable", sessionId: session).call()
        assert missing.error.code == "SYS.1007" && missing.error.details.contains("not found")
        try {
            new ChangeV2VConversionHostStateAction(uuid: ch.uuid, stateEvent: "maintain", sessionId: session).call()
            assert false: "the generated @Param(validValues) refuses it before sending"
        } catch (ApiException e) {
            assert e.message.contains("stateEvent")
        }

        new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: session).call().throwExceptionIfError()
        assert new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories.isEmpty()
    }

    // ------------------------------------------------------------------------------------------ Python SDK

    @Test
    void pythonSdk() {
        def r = ClientSupport.run(["python3", ClientSupport.resource("/sdk/python_sdk_flow.py"), String.valueOf(env.node.port),
                                   host1.uuid, storagePath()], ["PYTHONPATH": ClientSupport.PYTHON_SDK.toString()])
        assert r.status == 0: r
        Map out = (Map) new JsonSlurper().parseText(r.out)
        assert out.session ==~ /[0-9a-f]{32}/
        assert out.created.name == "ch-python" && out.created.type == "KVM" && out.created.uploadBandwidth == 1048576
        assert out.created.description == "from Python"
        assert out.queried == [total: 1, names: ["ch-python"]]
        assert out.queriedNone == 0
        assert out.fields == ["name", "uuid"]
        assert out.disabled == "Disabled"
        assert out.updated == "ch-python-2"
        assert out.duplicateError.code == "V2V.1003" && out.duplicateError.description && out.duplicateError.details
        assert out.missingError.code == "SYS.1007"
        assert out.paramError.contains("stateEvent")
        assert out.badSessionError.code == "ID.1001"
        assert out.deleteError == null
        assert out.afterDelete == 0
        assert out.validAfterLogOut == false
    }

    // ------------------------------------------------------------------------------------------ CLI

    @Test
    void cliOneShotAndScripts() {
        def cli = new ClientSupport.Cli(env.node.port)
        try {
            def notLoggedIn = cli.call("QueryV2VConversionHost")
            assert notLoggedIn.status == 1 && notLoggedIn.errorJson.error.code == "CLI.1001": notLoggedIn

            def login = cli.call("LogInByAccount", "accountName=admin", "password=password")
            assert login.status == 0: login
            String session = login.json.inventory.uuid
            assert session ==~ /[0-9a-f]{32}/

            // lists as comma values
            def add = cli.call("AddV2VConversionHost", "name=ch-cli", "type=VMWARE", "hostUuid=${host2.uuid}".toString(),
                    "storagePath=${storagePath()}".toString(),
                    "systemTags=v2v::upload::bandwidth::1048576,v2v::download::bandwidth::2097152")
            assert add.status == 0: add
            Map ch = add.json.inventory
            assert ch.name == "ch-cli" && ch.uploadBandwidth == 1048576 && ch.downloadBandwidth == 2097152
            assert !add.json.containsKey("schema")

            def byName = cli.call("QueryV2VConversionHost", "name=ch-cli")
            assert byName.status == 0 && byName.json.inventories*.uuid == [ch.uuid]: byName
            def fields = cli.call("QueryV2VConversionHost", "fields=uuid,name")
            assert fields.json.inventories.every { it.keySet() == ["uuid", "name"] as Set }: fields
            assert fields.json.inventories*.name.contains("ch-cli")
            def counted = cli.call("QueryV2VConversionHost", "name~=ch-c%", "state!=Disabled", "hostUuid?=${host2.uuid},x".toString(),
                    "count=true")
            assert counted.json == [total: 1]: counted

            def disabled = cli.call("ChangeV2VConversionHostState", "uuid=${ch.uuid}".toString(), "stateEvent=disable")
            assert disabled.status == 0 && disabled.json.inventory.state == "Disabled": disabled

            // errors: the server's, as ZStack's code/description/details, and the command's own
            def missing = cli.call("ChangeV2VConversionHostState", "uuid=${"0" * 32}".toString(), "stateEvent=enable")
            assert missing.status == 1 && missing.out.isEmpty(): missing
            Map e = missing.errorJson.error
            assert e.code == "SYS.1007" && e.description && e.details.contains("not found")
            def dup = cli.call("AddV2VConversionHost", "name=dup", "type=VMWARE", "hostUuid=${host2.uuid}".toString(),
                    "storagePath=${storagePath()}".toString())
            assert dup.status == 1 && dup.errorJson.error.code == "V2V.1003": dup
            def badValue = cli.call("ChangeV2VConversionHostState", "uuid=${ch.uuid}".toString(), "stateEvent=maintain")
            assert badValue.status == 2 && badValue.errorJson.error.code == "CLI.1000": badValue
            def badParam = cli.call("AddV2VConversionHost", "nmae=x")
            assert badParam.status == 2 && badParam.errorJson.error.details.contains("storagePath"): badParam
            def noSuchApi = cli.call("AddV2VConversionHots")
            assert noSuchApi.status == 2: noSuchApi

            def help = cli.call("help", "AddV2VConversionHost")
            assert help.status == 0 && help.out.contains("POST /v2v-conversion-hosts") && help.out =~ /storagePath\s+String\s+required/

            // a script: one command per line, the worst status
            def script = cli.script("# comment\nQueryV2VConversionHost uuid=${ch.uuid} fields=state\n" +
                    "DeleteV2VConversionHost uuid=${ch.uuid}\nQueryV2VConversionHost uuid=${ch.uuid}\n")
            assert script.status == 0: script
            assert script.out.contains("\"state\": \"Disabled\"") && script.out.contains("\"inventories\": []"): script

            def logout = cli.call("LogOut", "sessionUuid=${session}".toString())
            assert logout.status == 0: logout
            assert cli.call("QueryV2VConversionHost").errorJson.error.code == "CLI.1001"
        } finally {
            cli.delete()
        }
    }

    @Test
    void cliInteractiveCompletesAndRemembers() {
        def cli = new ClientSupport.Cli(env.node.port)
        try {
            assert cli.call("LogInByAccount", "accountName=admin", "password=password").status == 0
            def r = cli.pty([
                    [expect: "admin >>> \$"],
                    [send: "QueryV2VConv\t", expect: "QueryV2VConversionHost \$"],
                    [send: "hostU\t", expect: "hostUuid=\$"],
                    [send: "${host2.uuid} fie\t".toString(), expect: "fields=\$"],
                    [send: "uu\t", expect: "uuid\$"],
                    [send: "\n", expect: "\"inventories\": \\[.*admin >>> \$"],
                    [send: "ChangeV2VConversionHostState stateEvent=\t\t", expect: "stateEvent=disable\\s+stateEvent=enable"],
                    // ^U clears the line; the up arrow brings the query back
                    [send: "\u0015\u001b[A", expect: "QueryV2VConversionHost hostUuid=${host2.uuid} fields=uuid".toString()],
                    [send: "\n", expect: "\"inventories\": \\[.*admin >>> \$"],
                    [send: "exit\n", expect: "\$"],
            ])
            assert r.ok: r
            assert r.status == 0: r
            List<String> history = Files.readAllLines(cli.home.resolve("history"))
            assert history.contains("QueryV2VConversionHost hostUuid=${host2.uuid} fields=uuid".toString()): history

            // the history outlives the shell
            def again = cli.pty([
                    [expect: "admin >>> \$"],
                    [send: "\u001b[A\u001b[A", expect: "QueryV2VConversionHost hostUuid="],
                    [send: "\u0015exit\n", expect: "\$"],
            ])
            assert again.ok: again
        } finally {
            cli.delete()
        }
    }

    @Test
    void cliFollowsALongJobUntilItEnds() {
        def cli = new ClientSupport.Cli(env.node.port)
        String key = "cli-" + UUID.randomUUID()
        try {
            assert cli.call("LogInByAccount", "accountName=admin", "password=password").status == 0
            Process p = cli.start("SubmitLongJob", "jobName=APITestLongJobMsg",
                    "jobData=" + JsonOutput.toJson([key: key, block: true]), "name=cli-job")
            def lines = Collections.synchronizedList([])
            def out = new StringBuffer()
            Thread.start { p.errorStream.eachLine { lines.add(it) } }
            Thread.start { out.append(p.inputStream.text) }

            String jobUuid = waitForLine(lines, ~/long job (\w{32}) \[Running]/)
            def job = new QueryLongJobAction(conditions: ["uuid=${jobUuid}".toString()], sessionId: env.session)
                    .call().throwExceptionIfError().value.inventories[0] as LongJobInventory
            env.node.bean(ProgressReportService).reportProgress(job.apiId, 40, "convert", null)
            waitForLine(lines, ~/long job \w{32} \[Running] 40% convert/)
            TestLongJob.release(key)
            assert p.waitFor(60, TimeUnit.SECONDS)
            Thread.sleep(200)
            assert p.exitValue() == 0: lines.join("\n") + out
            Map done = (Map) new JsonSlurper().parseText(out.toString())
            assert done.inventory.uuid == jobUuid && done.inventory.state == "Succeeded"
            assert lines.any { it ==~ /long job \w{32} \[Succeeded].*/ }: lines

            // --no-wait: back at once with the job as submitted
            String key2 = "cli-" + UUID.randomUUID()
            def quick = cli.call("--no-wait", "SubmitLongJob", "jobName=APITestLongJobMsg", "jobData=" + JsonOutput.toJson([key: key2, block: true]))
            TestLongJob.release(key2)
            assert quick.status == 0 && quick.json.inventory.state in ["Waiting", "Running"]: quick
            assert quick.err.isEmpty(): quick

            // a job that fails: its error, and exit status 1
            def failed = cli.call("SubmitLongJob", "jobName=APITestLongJobMsg", "jobData=" + JsonOutput.toJson([fail: true]))
            assert failed.status == 1: failed
            assert failed.json.inventory.state == "Failed"
            assert failed.err.contains("[Failed]") && failed.err.contains("\"code\": \"SYS.1006\""): failed
        } finally {
            TestLongJob.release(key)
            cli.delete()
        }
    }

    static String waitForLine(List lines, java.util.regex.Pattern p, long timeoutMs = 30000) {
        long deadline = System.currentTimeMillis() + timeoutMs
        while (System.currentTimeMillis() < deadline) {
            for (String l : new ArrayList<String>(lines)) {
                def m = p.matcher(l)
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : l
                }
            }
            Thread.sleep(50)
        }
        throw new AssertionError("no line matching ${p} within ${timeoutMs} ms: ${lines}")
    }
}
