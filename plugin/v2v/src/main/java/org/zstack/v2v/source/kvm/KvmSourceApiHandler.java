package org.zstack.v2v.source.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.Message;
import org.zstack.v2v.APIListVMsFromKVMHostEvent;
import org.zstack.v2v.APIListVMsFromKVMHostMsg;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;

/** ListVMsFromKVMHost: the domains of a KVM host, read by a KVM conversion host. Changes nothing anywhere. */
public class KvmSourceApiHandler {
    @Autowired
    private CloudBus bus;
    @Autowired
    private KvmHostLister lister;

    public boolean handles(Message msg) {
        return msg instanceof APIListVMsFromKVMHostMsg;
    }

    public void handle(Message msg) {
        APIListVMsFromKVMHostMsg m = (APIListVMsFromKVMHostMsg) msg;
        APIListVMsFromKVMHostEvent evt = new APIListVMsFromKVMHostEvent(m.getId());
        LibvirtUri uri;
        V2VConversionHostVO ch;
        try {
            uri = LibvirtUri.parse(m.getLibvirtURI());
            ch = lister.conversionHost(m.getConversionHostUuid(), "ListVMsFromKVMHost");
            lister.listVms(ch, uri, m.getSshPrivKey(), new ReturnValueCompletion<>() {
                @Override
                public void success(V2VAgentCommands.KvmListVmsRsp rsp) {
                    evt.setInventories(rsp.vms);
                    evt.setLibvirtVersion(rsp.libvirtVersion);
                    evt.setQemuVersion(rsp.qemuVersion);
                    // the API shows the caps as a plain JSON object, whatever the agent adds to them later
                    evt.setV2vCaps(rsp.v2vCaps == null ? null : JSONObjectUtil.toMap(JSONObjectUtil.toJsonString(rsp.v2vCaps)));
                    bus.publish(evt);
                }

                @Override
                public void fail(ErrorCode e) {
                    evt.setError(e);
                    bus.publish(evt);
                }
            });
        } catch (OperationFailureException e) {
            evt.setError(e.getErrorCode());
            bus.publish(evt);
        }
    }
}
