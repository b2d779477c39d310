package org.zstack.v2v.source.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.kvm.KVMHostAgentCaller;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConstant;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.ReadyConversionHosts;

import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * Asks a KVM conversion host's agent about a KVM source host (its domains; preparing and releasing one), and turns the
 * agent's failure into a ZStack error naming the source host. The conversion host is checked by
 * {@link ReadyConversionHosts}, as for a migration.
 */
public class KvmHostLister {
    /** A hung SSH or libvirt must not hold a submission: the agent's own connect timeout is 30 s. */
    static final long CALL_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(120);

    @Autowired
    private ReadyConversionHosts readyConversionHosts;
    @Autowired
    private KVMHostAgentCaller agent;

    /** The conversion host to use: the one given, else the first ready KVM one; checked as for a migration. */
    public V2VConversionHostVO conversionHost(String conversionHostUuid, String who) {
        return readyConversionHosts.get(conversionHostUuid, V2VConstant.KVM, who);
    }

    public void listVms(V2VConversionHostVO ch, LibvirtUri uri, String sshPrivKey,
                        ReturnValueCompletion<V2VAgentCommands.KvmListVmsRsp> completion) {
        V2VAgentCommands.KvmListVmsCmd cmd = new V2VAgentCommands.KvmListVmsCmd();
        fill(cmd, uri, sshPrivKey);
        call(ch, uri, V2VAgentCommands.KVM_LIST_VMS_PATH, cmd, V2VAgentCommands.KvmListVmsRsp.class,
                "list the VMs of", completion);
    }

    public void prepareVm(String hostUuid, LibvirtUri uri, String sshPrivKey, V2VAgentCommands.KvmPrepareVmCmd cmd,
                          ReturnValueCompletion<V2VAgentCommands.KvmPrepareVmRsp> completion) {
        fill(cmd, uri, sshPrivKey);
        call(hostUuid, uri, V2VAgentCommands.KVM_PREPARE_VM_PATH, cmd, V2VAgentCommands.KvmPrepareVmRsp.class,
                V2VErrors.SOURCE_FAILED, "prepare domain " + cmd.domainUuid + " on", completion);
    }

    public void releaseVm(String hostUuid, LibvirtUri uri, String sshPrivKey, V2VAgentCommands.KvmReleaseVmCmd cmd,
                          ReturnValueCompletion<V2VAgentCommands.KvmReleaseVmRsp> completion) {
        fill(cmd, uri, sshPrivKey);
        call(hostUuid, uri, V2VAgentCommands.KVM_RELEASE_VM_PATH, cmd, V2VAgentCommands.KvmReleaseVmRsp.class,
                V2VErrors.SOURCE_FAILED, "release domain " + cmd.domainUuid + " on", completion);
    }

    private static void fill(V2VAgentCommands.KvmSourceCmd cmd, LibvirtUri uri, String sshPrivKey) {
        if (uri.overSsh() && (sshPrivKey == null || sshPrivKey.isBlank())) {
            throw new OperationFailureException(err(V2VErrors.INVALID_MIGRATION,
                    "sshPrivKey is required to reach %s", uri.text()));
        }
        cmd.libvirtURI = uri.text();
        cmd.sshPrivKey = sshPrivKey;
    }

    private <T> void call(V2VConversionHostVO ch, LibvirtUri uri, String path, Object cmd, Class<T> rspClass,
                          String what, ReturnValueCompletion<T> completion) {
        call(ch.getHostUuid(), uri, path, cmd, rspClass, V2VErrors.KVM_SOURCE_UNREACHABLE, what, completion);
    }

    private <T> void call(String hostUuid, LibvirtUri uri, String path, Object cmd, Class<T> rspClass, V2VErrors code,
                          String what, ReturnValueCompletion<T> completion) {
        agent.call(hostUuid, path, cmd, rspClass, CALL_TIMEOUT_MS, new ReturnValueCompletion<>() {
            @Override
            public void success(T rsp) {
                completion.success(rsp);
            }

            @Override
            public void fail(ErrorCode e) {
                // the agent's one line says which: unreachable, wrong key, libvirt refusing, domain gone
                completion.fail(err(code, e, "the conversion host cannot %s KVM host %s: %s", what, uri.text(),
                        e.getDetails() != null ? e.getDetails() : e.getDescription()));
            }
        });
    }
}
