package org.zstack.v2v;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;

import static org.zstack.core.Platform.err;

/**
 * The one place that picks and checks the conversion host a request works through: planning a migration, and asking
 * a KVM source host about its domains. Every refusal starts with {@code who} (the VM, or the API).
 */
public class ReadyConversionHosts {
    @Autowired
    private DatabaseFacade dbf;

    /**
     * The conversion host {@code uuid}, or when it is null the first Enabled one of {@code type} on a Connected host;
     * checked to be Enabled, on a Connected host, and of {@code type} (VMWARE or KVM).
     */
    public V2VConversionHostVO get(String uuid, String type, String who) {
        if (uuid == null) {
            // the published API may leave it out: any Enabled conversion host of the source's type on a Connected host
            uuid = Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.type, type)
                    .eq(V2VConversionHostVO_.state, V2VConversionHostState.Enabled).list().stream()
                    .filter(c -> hostStatus(c.getHostUuid()) == HostStatus.Connected).map(V2VConversionHostVO::getUuid)
                    .findFirst().orElseThrow(() -> invalid("%s: conversionHostUuid is not given and no %s conversion host"
                            + " is ready", who, type));
        }
        V2VConversionHostVO ch = dbf.findByUuid(uuid, V2VConversionHostVO.class);
        if (ch == null) {
            throw invalid("%s: conversionHostUuid %s does not exist", who, uuid);
        }
        if (ch.getState() != V2VConversionHostState.Enabled) {
            throw new OperationFailureException(err(V2VErrors.CONVERSION_HOST_NOT_READY, "%s: conversion host %s is %s",
                    who, ch.getName(), ch.getState()));
        }
        HostStatus status = hostStatus(ch.getHostUuid());
        if (status != HostStatus.Connected) {
            throw new OperationFailureException(err(V2VErrors.CONVERSION_HOST_NOT_READY,
                    "%s: the host of conversion host %s is %s, not Connected", who, ch.getName(), status));
        }
        if (!type.equals(ch.getType())) {
            throw invalid("%s: conversion host %s converts %s VMs, not %s", who, ch.getName(), ch.getType(), type);
        }
        return ch;
    }

    private HostStatus hostStatus(String hostUuid) {
        HostVO h = dbf.findByUuid(hostUuid, HostVO.class);
        return h == null ? null : h.getStatus();
    }

    private static OperationFailureException invalid(String fmt, Object... args) {
        return new OperationFailureException(err(V2VErrors.INVALID_MIGRATION, fmt, args));
    }
}
