package org.zstack.vmware.source;

import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.ToolsUnavailable;
import com.vmware.vim25.mo.VirtualMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.header.errorcode.OperationFailureException;

import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * Shuts a VM down through its guest (ShutdownGuest: VMware Tools ask the guest OS) and waits until vSphere says it
 * is off. Never a hard power-off: pulling the plug on a running guest can lose the writes the migration is about
 * to copy, so a guest that cannot or does not shut down in time is an error the user resolves.
 */
class GracefulShutdown {
    private static final Logger logger = LoggerFactory.getLogger(GracefulShutdown.class);

    private final VimCalls calls;

    GracefulShutdown(VimCalls calls) {
        this.calls = calls;
    }

    void run(String vCenterUuid, String morval, String name, long timeoutSeconds) {
        String what = String.format("shutting down VM %s", name);
        boolean alreadyOff = calls.call(vCenterUuid, VmwareSourceErrors.SHUTDOWN_FAILED, what, c -> {
            try {
                new VirtualMachine(VimCalls.connection(c), VimCalls.mor("VirtualMachine", morval)).shutdownGuest();
                return false;
            } catch (ToolsUnavailable e) {
                throw new OperationFailureException(err(VmwareSourceErrors.SHUTDOWN_FAILED,
                        "VM %s cannot be shut down gracefully: VMware Tools are not running in it; shut it down or migrate it online", name));
            } catch (InvalidPowerState e) {
                // it went off between our look and the call
                return true;
            }
        });
        logger.info("asked the guest of VM {} [{}] to shut down; waiting up to {} s", name, morval, timeoutSeconds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long pause = 250;
        while (!alreadyOff) {
            String state = calls.call(vCenterUuid, VmwareSourceErrors.SHUTDOWN_FAILED, what, c -> LiveVm.powerState(c.getServiceInstance(), morval));
            if (state == null) {
                throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND,
                        "VM %s disappeared from vCenter while it was shutting down", name));
            }
            if (LiveVm.POWERED_OFF.equals(state)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailureException(err(VmwareSourceErrors.SHUTDOWN_FAILED,
                        "VM %s did not shut down within %d s; shut it down or migrate it online", name, timeoutSeconds));
            }
            pause = VimCalls.sleep(pause);
        }
        logger.info("VM {} [{}] is powered off", name, morval);
    }
}
