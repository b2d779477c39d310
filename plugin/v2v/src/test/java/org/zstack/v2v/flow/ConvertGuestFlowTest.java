package org.zstack.v2v.flow;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The convert command tells virt-v2v the bus each disk had at the source, in the order of the disks it names. */
class ConvertGuestFlowTest {
    private static MigrationContext context(String... buses) {
        V2VJobSpec spec = new V2VJobSpec();
        spec.jobUuid = "job1";
        spec.name = "vm1";
        MigrationContext ctx = new MigrationContext(spec, "api1", null);
        V2VConversionHostVO ch = new V2VConversionHostVO();
        ch.setStoragePath("/cache");
        ctx.conversionHost = ch;
        ctx.transferred = new V2VAgentCommands.TransferRsp();
        ctx.transferred.disks = new ArrayList<>();
        for (int i = 0; i < buses.length; i++) {
            SourceVm.Disk d = new SourceVm.Disk();
            d.index = 10 + i;
            d.bus = buses[i];
            ctx.disks.add(d);
        }
        // the agent answers in any order; its index is the place in ctx.disks
        for (int i = buses.length - 1; i >= 0; i--) {
            V2VAgentCommands.TransferredDisk t = new V2VAgentCommands.TransferredDisk();
            t.index = i;
            t.path = "/cache/job1/disk-" + i + ".raw";
            ctx.transferred.disks.add(t);
        }
        return ctx;
    }

    @Test
    void ideAndSataDisksGoWithTheirBus() {
        V2VAgentCommands.ConvertCmd cmd = ConvertGuestFlow.command(context("ide", "sata", "scsi"), false, 600);
        assertEquals(List.of("/cache/job1/disk-0.raw", "/cache/job1/disk-1.raw", "/cache/job1/disk-2.raw"), cmd.disks);
        assertEquals(List.of("ide", "sata", "scsi"), cmd.diskBuses);
        assertEquals("/cache", cmd.storagePath);
        assertEquals(600L, cmd.timeoutSeconds);
    }

    @Test
    void aBusTheSourceDidNotTellIsLeftToTheAgent() {
        V2VAgentCommands.ConvertCmd cmd = ConvertGuestFlow.command(context("sata", null), true, 60);
        assertEquals(Arrays.asList("sata", null), cmd.diskBuses);
    }
}
