package org.zstack.v2v.migration;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.kvm.KVMHostAgentCaller;
import org.zstack.v2v.APIGetV2VJobLogMsg;
import org.zstack.v2v.APIGetV2VJobLogReply;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.V2VJobVO;

import static org.zstack.core.Platform.err;

/**
 * GetV2VJobLog: the end of a job's log, read by its conversion host's agent where the job left it (its directory
 * while it runs, logs/&lt;job&gt;/ after). Changes nothing.
 */
public class JobLogApiHandler {
    static final long DEFAULT_TAIL_BYTES = 64 << 10;

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private KVMHostAgentCaller agent;

    public void handle(APIGetV2VJobLogMsg msg) {
        APIGetV2VJobLogReply reply = new APIGetV2VJobLogReply();
        V2VJobVO job = dbf.findByUuid(msg.getUuid(), V2VJobVO.class);
        V2VConversionHostVO ch = job == null ? null : dbf.findByUuid(job.getConversionHostUuid(), V2VConversionHostVO.class);
        if (ch == null) {
            reply.setError(err(V2VErrors.JOB_LOG_UNAVAILABLE, "the conversion host of job %s is deleted: its logs went with it",
                    msg.getUuid()));
            bus.reply(msg, reply);
            return;
        }
        V2VAgentCommands.JobLogCmd cmd = new V2VAgentCommands.JobLogCmd();
        cmd.jobUuid = job.getUuid();
        cmd.storagePath = ch.getStoragePath();
        cmd.name = msg.getName();
        cmd.tailBytes = msg.getTailBytes() == null ? DEFAULT_TAIL_BYTES : msg.getTailBytes();
        agent.call(ch.getHostUuid(), V2VAgentCommands.JOB_LOG_PATH, cmd, V2VAgentCommands.JobLogRsp.class, new ReturnValueCompletion<>() {
            @Override
            public void success(V2VAgentCommands.JobLogRsp rsp) {
                reply.setConversionHostUuid(ch.getUuid());
                reply.setPath(rsp.path);
                reply.setSize(rsp.size);
                reply.setTruncated(rsp.truncated);
                reply.setContent(rsp.content);
                bus.reply(msg, reply);
            }

            @Override
            public void fail(ErrorCode e) {
                reply.setError(err(V2VErrors.JOB_LOG_UNAVAILABLE, e, "cannot read the %s of job %s (VM %s) on conversion host %s",
                        msg.getName() == null ? "virt-v2v.log" : msg.getName(), job.getUuid(), job.getSourceVmName(), ch.getName()));
                bus.reply(msg, reply);
            }
        });
    }
}
