package org.zstack.v2v.contract;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.AgentExtension;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.AllowedRoots;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.CommandRegistry;
import org.zstack.agent.host.HostAgentCommands;
import org.zstack.agent.host.HostCommands;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.agent.vm.VmAgentCommands;
import org.zstack.agent.vm.VmCommands;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.kvm.KVMAgentCommands;
import org.zstack.kvm.KVMConstant;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.agent.ConversionCacheCleaner;
import org.zstack.v2v.agent.V2VAgentExtension;
import org.zstack.v2v.agent.convert.ConvertCommand;
import org.zstack.v2v.agent.deliver.DeliverCommand;
import org.zstack.v2v.agent.deliver.VolumeDeleteCommand;
import org.zstack.v2v.agent.job.CancelJobCommand;
import org.zstack.v2v.agent.job.CleanupJobCommand;
import org.zstack.v2v.agent.job.JobLogCommand;
import org.zstack.v2v.agent.job.JobStateCommand;
import org.zstack.v2v.agent.source.kvm.ListKvmVmsCommand;
import org.zstack.v2v.agent.source.kvm.PrepareKvmVmCommand;
import org.zstack.v2v.agent.source.kvm.ReleaseKvmVmCommand;
import org.zstack.v2v.agent.transfer.TransferCommand;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The node↔agent contract is declared twice, the node's classes (plugin/v2v V2VAgentCommands, plugin/kvm
 * KVMAgentCommands and KVMConstant) and the agent's (plugin/v2v-agent, plugin/kvm-agent), because the node must not
 * depend on the agent. This test holds the two to each other: the same paths, and for every path the same field
 * names and JSON types of command and reply, and a filled message read back whole by the other side's own Gson
 * (the node's JSONObjectUtil.gson, the agent's AgentServer.REQUEST_GSON / RESPONSE_GSON). PROTOCOL.md documents it.
 */
class AgentContractTest {
    /** One agent path: what the node sends, and what each side's reply class is. */
    record Message(Class<?> nodeCmd, Class<?> nodeRsp, Class<?> agentRsp) {
    }

    /** The node's classes per V2V path, and the agent's reply class (its command class is what it registers). */
    static final Map<String, Message> V2V = new LinkedHashMap<>();
    static final Map<String, Message> HOST = new LinkedHashMap<>();

    static {
        V2V.put(V2VAgentCommands.CLEAN_PATH, new Message(V2VAgentCommands.CleanCmd.class, V2VAgentCommands.CleanRsp.class,
                ConversionCacheCleaner.CleanRsp.class));
        V2V.put(V2VAgentCommands.TRANSFER_PATH, new Message(V2VAgentCommands.TransferCmd.class,
                V2VAgentCommands.TransferRsp.class, TransferCommand.TransferRsp.class));
        V2V.put(V2VAgentCommands.CONVERT_PATH, new Message(V2VAgentCommands.ConvertCmd.class,
                V2VAgentCommands.ConvertRsp.class, ConvertCommand.ConvertRsp.class));
        V2V.put(V2VAgentCommands.DELIVER_PATH, new Message(V2VAgentCommands.DeliverCmd.class,
                V2VAgentCommands.DeliverRsp.class, DeliverCommand.DeliverRsp.class));
        V2V.put(V2VAgentCommands.JOB_STATE_PATH, new Message(V2VAgentCommands.JobStateCmd.class,
                V2VAgentCommands.JobStateRsp.class, JobStateCommand.StateRsp.class));
        V2V.put(V2VAgentCommands.JOB_LOG_PATH, new Message(V2VAgentCommands.JobLogCmd.class,
                V2VAgentCommands.JobLogRsp.class, JobLogCommand.LogRsp.class));
        V2V.put(V2VAgentCommands.CANCEL_PATH, new Message(V2VAgentCommands.CancelCmd.class,
                V2VAgentCommands.CancelRsp.class, CancelJobCommand.CancelRsp.class));
        V2V.put(V2VAgentCommands.CLEANUP_PATH, new Message(V2VAgentCommands.CleanupCmd.class,
                V2VAgentCommands.CleanupRsp.class, CleanupJobCommand.CleanupRsp.class));
        V2V.put(V2VAgentCommands.VOLUME_DELETE_PATH, new Message(V2VAgentCommands.VolumeDeleteCmd.class,
                V2VAgentCommands.VolumeDeleteRsp.class, VolumeDeleteCommand.DeleteRsp.class));
        V2V.put(V2VAgentCommands.KVM_LIST_VMS_PATH, new Message(V2VAgentCommands.KvmListVmsCmd.class,
                V2VAgentCommands.KvmListVmsRsp.class, ListKvmVmsCommand.ListRsp.class));
        V2V.put(V2VAgentCommands.KVM_PREPARE_VM_PATH, new Message(V2VAgentCommands.KvmPrepareVmCmd.class,
                V2VAgentCommands.KvmPrepareVmRsp.class, PrepareKvmVmCommand.PrepareRsp.class));
        V2V.put(V2VAgentCommands.KVM_RELEASE_VM_PATH, new Message(V2VAgentCommands.KvmReleaseVmCmd.class,
                V2VAgentCommands.KvmReleaseVmRsp.class, ReleaseKvmVmCommand.ReleaseRsp.class));

        HOST.put(KVMConstant.CONNECT_PATH, new Message(KVMAgentCommands.ConnectCmd.class, KVMAgentCommands.ConnectRsp.class,
                HostAgentCommands.ConnectResponse.class));
        HOST.put(KVMConstant.PING_PATH, new Message(KVMAgentCommands.PingCmd.class, KVMAgentCommands.PingRsp.class,
                HostAgentCommands.PingResponse.class));
        HOST.put(KVMConstant.ROOTS_PATH, new Message(KVMAgentCommands.RootsCmd.class, KVMAgentCommands.RootsRsp.class,
                HostAgentCommands.RootsResponse.class));
        HOST.put(KVMConstant.STORAGE_CAPACITY_PATH, new Message(KVMAgentCommands.StorageCapacityCmd.class,
                KVMAgentCommands.StorageCapacityRsp.class, HostAgentCommands.StorageCapacityResponse.class));
        HOST.put(KVMConstant.NFS_MOUNT_PATH, new Message(KVMAgentCommands.NfsMountCmd.class,
                KVMAgentCommands.NfsMountRsp.class, HostAgentCommands.NfsMountResponse.class));
        HOST.put(KVMConstant.NFS_UMOUNT_PATH, new Message(KVMAgentCommands.NfsUmountCmd.class,
                KVMAgentCommands.AgentResponse.class, AgentResponse.class));
        HOST.put(KVMConstant.BRIDGE_CHECK_PATH, new Message(KVMAgentCommands.BridgeCheckCmd.class,
                KVMAgentCommands.AgentResponse.class, AgentResponse.class));
        HOST.put(KVMConstant.TOOLS_CHECK_PATH, new Message(KVMAgentCommands.ToolsCheckCmd.class,
                KVMAgentCommands.ToolsCheckRsp.class, HostAgentCommands.ToolsCheckResponse.class));
        HOST.put(KVMConstant.VM_START_PATH, new Message(KVMAgentCommands.StartVmCmd.class, KVMAgentCommands.StartVmRsp.class,
                VmAgentCommands.StartVmResponse.class));
        HOST.put(KVMConstant.VM_DESTROY_PATH, new Message(KVMAgentCommands.DestroyVmCmd.class,
                KVMAgentCommands.AgentResponse.class, AgentResponse.class));
        HOST.put(KVMConstant.VM_STATE_PATH, new Message(KVMAgentCommands.VmStateCmd.class, KVMAgentCommands.VmStateRsp.class,
                VmAgentCommands.VmStateResponse.class));
    }

    /**
     * Paths only one side has, and why. The agent's: /host/echo is its own self-test, which no node sends; the
     * upload is a stream from one agent to another (the node only signs a key for it, by the path constant).
     * /host/facts has a path on both sides but no node message: the node never asks for it yet.
     */
    static final Set<String> AGENT_ONLY_PATHS = Set.of(HostAgentCommands.ECHO_PATH);
    static final Set<String> WITHOUT_NODE_MESSAGE = Set.of(KVMConstant.FACTS_PATH, V2VAgentCommands.VOLUME_UPLOAD_PATH);

    /** What an extension registers: its command class per path, and its stream paths. */
    static final class Recorder implements CommandRegistry {
        final Map<String, Class<?>> commands = new LinkedHashMap<>();
        final Set<String> streams = new TreeSet<>();

        @Override
        public <T> void register(String path, Class<T> cmdClass, CommandHandler<T> handler) {
            commands.put(path, cmdClass);
        }

        @Override
        public void registerStream(String path, StreamHandler handler) {
            streams.add(path);
        }

        @Override
        public AgentConfig config() {
            // libvirt is opened lazily: registering connects to nothing
            return new AgentConfig("127.0.0.1", 0, "test:///default", Path.of("/nonexistent"));
        }

        @Override
        public AllowedRoots allowedRoots() {
            throw new UnsupportedOperationException("not while registering");
        }

        Set<String> paths() {
            Set<String> all = new TreeSet<>(commands.keySet());
            all.addAll(streams);
            return all;
        }
    }

    private static Recorder registered(AgentExtension... extensions) {
        Recorder r = new Recorder();
        for (AgentExtension e : extensions) {
            e.register(r);
        }
        return r;
    }

    /** The values of a class's String constants named *PATH (the node's one place for each path). */
    private static Set<String> pathConstants(Class<?> c) {
        Set<String> paths = new TreeSet<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().endsWith("PATH")) {
                try {
                    f.setAccessible(true);
                    paths.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return paths;
    }

    @Test
    void v2vPathsAreTheSameOnBothSides() {
        assertSamePaths("V2VAgentCommands", pathConstants(V2VAgentCommands.class), registered(new V2VAgentExtension()));
    }

    @Test
    void hostPathsAreTheSameOnBothSides() {
        Recorder agent = registered(new HostCommands(), new VmCommands());
        AGENT_ONLY_PATHS.forEach(agent.commands::remove);
        assertSamePaths("KVMConstant", pathConstants(KVMConstant.class), agent);
        Set<String> agentConstants = pathConstants(HostAgentCommands.class);
        agentConstants.addAll(pathConstants(VmAgentCommands.class));
        agentConstants.removeAll(AGENT_ONLY_PATHS);
        assertEquals(agent.paths(), agentConstants, "the agent registers exactly the paths of HostAgentCommands and VmAgentCommands");
    }

    private static void assertSamePaths(String nodeHolder, Set<String> node, Recorder agent) {
        Set<String> onlyNode = new TreeSet<>(node);
        onlyNode.removeAll(agent.paths());
        Set<String> onlyAgent = new TreeSet<>(agent.paths());
        onlyAgent.removeAll(node);
        assertTrue(onlyNode.isEmpty() && onlyAgent.isEmpty(), String.format(
                "paths only in the node's %s: %s; only registered by the agent: %s", nodeHolder, onlyNode, onlyAgent));
    }

    @Test
    void v2vMessagesMatch() {
        assertMessagesMatch(V2V, registered(new V2VAgentExtension()));
    }

    @Test
    void hostMessagesMatch() {
        assertMessagesMatch(HOST, registered(new HostCommands(), new VmCommands()));
    }

    /** Every path with a JSON command on the agent has the node's classes here, and every pair matches. */
    private static void assertMessagesMatch(Map<String, Message> messages, Recorder agent) {
        List<String> problems = new ArrayList<>();
        for (String path : agent.commands.keySet()) {
            if (!messages.containsKey(path) && !AGENT_ONLY_PATHS.contains(path) && !WITHOUT_NODE_MESSAGE.contains(path)) {
                problems.add(path + ": the agent serves it, the test names no node classes for it");
            }
        }
        for (Map.Entry<String, Message> e : messages.entrySet()) {
            String path = e.getKey();
            Message m = e.getValue();
            Class<?> agentCmd = agent.commands.get(path);
            if (agentCmd == null) {
                problems.add(path + ": the agent registers no command for it");
                continue;
            }
            for (String d : WireShapes.differences(m.nodeCmd(), agentCmd)) {
                problems.add(path + " command: " + d);
            }
            for (String d : WireShapes.differences(m.nodeRsp(), m.agentRsp())) {
                problems.add(path + " reply: " + d);
            }
            roundTrip(path + " command", m.nodeCmd(), JSONObjectUtil.gson, agentCmd, AgentServer.REQUEST_GSON, problems);
            roundTrip(path + " reply", m.agentRsp(), AgentServer.RESPONSE_GSON, m.nodeRsp(), JSONObjectUtil.gson, problems);
        }
        if (!problems.isEmpty()) {
            fail("the node and the agent disagree (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }

    /** A filled message written by the sender's Gson and read by the receiver's must come out the same. */
    private static void roundTrip(String what, Class<?> from, Gson sender, Class<?> to, Gson receiver, List<String> problems) {
        Object sent = WireShapes.fill(from);
        String json = sender.toJson(sent);
        Object received;
        try {
            received = receiver.fromJson(json, to);
        } catch (RuntimeException e) {
            problems.add(String.format("%s: %s cannot read what %s writes: %s", what, to.getName(), from.getName(), e.getMessage()));
            return;
        }
        List<String> lost = new ArrayList<>();
        sameJson(from.getSimpleName(), JsonParser.parseString(json), new Gson().toJsonTree(received), lost);
        for (String l : lost) {
            problems.add(String.format("%s (%s → %s): %s", what, from.getName(), to.getName(), l));
        }
    }

    private static void sameJson(String where, JsonElement sent, JsonElement back, List<String> out) {
        if (sent.isJsonNull()) {
            return;
        }
        if (back == null || back.isJsonNull()) {
            out.add(where + " was sent as " + sent + " and read as nothing");
            return;
        }
        if (sent.isJsonObject() && back.isJsonObject()) {
            JsonObject b = back.getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : sent.getAsJsonObject().entrySet()) {
                sameJson(where + "." + e.getKey(), e.getValue(), b.get(e.getKey()), out);
            }
        } else if (sent.isJsonArray() && back.isJsonArray()) {
            if (sent.getAsJsonArray().size() != back.getAsJsonArray().size()) {
                out.add(where + " was sent with " + sent.getAsJsonArray().size() + " elements, read with " + back.getAsJsonArray().size());
                return;
            }
            for (int i = 0; i < sent.getAsJsonArray().size(); i++) {
                sameJson(where + "[" + i + "]", sent.getAsJsonArray().get(i), back.getAsJsonArray().get(i), out);
            }
        } else if (sent.isJsonPrimitive() && back.isJsonPrimitive() && sent.getAsJsonPrimitive().isNumber()
                && back.getAsJsonPrimitive().isNumber()) {
            if (new BigDecimal(sent.getAsString()).compareTo(new BigDecimal(back.getAsString())) != 0) {
                out.add(where + " was sent as " + sent + " and read as " + back);
            }
        } else if (!sent.equals(back)) {
            out.add(where + " was sent as " + sent + " and read as " + back);
        }
    }

    /** The checker itself: a field on one side only, and a type that differs, are named with their class. */
    @Test
    void aDriftIsNamed() {
        List<String> d = WireShapes.differences(Drifted.Node.class, Drifted.Agent.class);
        assertEquals(3, d.size(), d.toString());
        assertTrue(d.get(0).contains("Node.gone is only on the node"), d.toString());
        assertTrue(d.get(1).contains("Node.added is only on the agent"), d.toString());
        assertTrue(d.get(2).contains("Node.items[].base: the node's is INT32"), d.toString());
        List<String> problems = new ArrayList<>();
        roundTrip("drifted", Drifted.Agent.class, AgentServer.RESPONSE_GSON, Drifted.Node.class, JSONObjectUtil.gson, problems);
        assertTrue(problems.stream().anyMatch(p -> p.contains("cannot read")), problems.toString());
    }

    static final class Drifted {
        static class Node {
            String gone;
            List<Item> items;
        }

        static class Item {
            int base;
        }

        static class Agent {
            String added;
            List<AgentItem> items;
        }

        static class AgentItem {
            double base;
        }
    }
}
