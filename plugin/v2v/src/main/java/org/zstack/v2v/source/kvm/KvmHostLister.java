package org.zstack.v2v.source.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.kvm.KVMHostAgentCaller;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConstant;
import org.zstack.v2v.V2VConversionHostState;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VConversionHostVO_;
import org.zstack.v2v.V2VErrors;

import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * Asks a KVM conversion host's agent about a KVM source host (its domains; preparing and releasing one). The one
 * place that checks the conversion host can do it, and that turns the agent's failure into a ZStack error naming the
 * source host.
 */
public class KvmHostLister {
    /** A hung SSH or libvirt must not hold a submission: the agent's own connect timeout is 30 s. */
    static final long CALL_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(120);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private KVMHostAgentCaller agent;

    /** The conversion host to use: the one given, else the first ready KVM one. Checked: Enabled, Connected, KVM. */
    public V2VConversionHostVO conversionHost(String conversionHostUuid) {
        V2VConversionHostVO ch;
        if (conversionHostUuid == null) {
            ch = Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.type, V2VConstant.KVM)
                    .eq(V2VConversionHostVO_.state, V2VConversionHostState.Enabled).list().stream()
                    .filter(c -> hostStatus(c.getHostUuid()) == HostStatus.Connected).findFirst()
                    .orElseThrow(() -> new OperationFailureException(err(V2VErrors.CONVERSION_HOST_NOT_READY,
                            "no KVM conversion host is Enabled with its host Connected")));
        } else {
            ch = dbf.findByUuid(conversionHostUuid, V2VConversionHostVO.class);
            if (ch == null) {
                throw new OperationFailureException(err(V2VErrors.INVALID_MIGRATION,
                        "conversionHostUuid %s does not exist", conversionHostUuid));
            }
        }
        if (!V2VConstant.KVM.equals(ch.getType())) {
            throw new OperationFailureException(err(V2VErrors.INVALID_MIGRATION,
                    "conversion host %s converts %s VMs; a KVM source needs a KVM conversion host", ch.getName(), ch.getType()));
        }
        if (ch.getState() != V2VConversionHostState.Enabled) {
            throw new OperationFailureException(err(V2VErrors.CONVERSION_HOST_NOT_READY,
                    "conversion host %s is %s", ch.getName(), ch.getState()));
        }
        HostStatus status = hostStatus(ch.getHostUuid());
        if (status != HostStatus.Connected) {
            throw new OperationFailureException(err(V2VErrors.CONVERSION_HOST_NOT_READY,
                    "the host of conversion host %s is %s, not Connected", ch.getName(), status));
        }
        return ch;
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

    private HostStatus hostStatus(String hostUuid) {
        HostVO h = dbf.findByUuid(hostUuid, HostVO.class);
        return h == null ? null : h.getStatus();
    }
}
