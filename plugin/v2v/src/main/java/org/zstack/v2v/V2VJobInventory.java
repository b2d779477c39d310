package org.zstack.v2v;

import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.Inventory;
import org.zstack.header.core.progress.TaskProgressVO;
import org.zstack.header.core.progress.TaskProgressVO_;
import org.zstack.header.longjob.LongJobVO;

import java.sql.Timestamp;
import java.util.Map;

/**
 * One line of the migration task list: source VM, target VM, platform, state (the long job's), progress and phase
 * (its latest progress report), start time, duration and bytes transferred.
 */
@Inventory(mappingVOClass = V2VJobVO.class)
public class V2VJobInventory {
    private String uuid;
    private String taskUuid;
    private String conversionHostUuid;
    private String sourceUrl;
    private String sourceVmUuid;
    private String sourceVmName;
    private String targetVmUuid;
    private String targetVmName;
    private String targetHostUuid;
    private String platform;
    private String state;
    private String phase;
    private Integer progress;
    private Long bytesTransferred;
    private Long reservedCacheSize;
    /** Where the conversion log is kept on the conversion host. */
    private String logPath;
    /** Seconds per phase of the last run (prepare, transfer, convert, deliver, start). */
    private Map<String, Double> phaseTimes;
    /** How the source's disks were read (NfcExport, DatastoreHttps, SnapshotDatastoreHttps, SshNbd), and why. */
    private String readPath;
    private String readPathReason;
    /** What a queued job waits for ("a free slot on conversion host ch: 2 of 2 running"); null once it runs. */
    private String waitingFor;
    private Timestamp startDate;
    private Timestamp endDate;
    /** Seconds from start to end, or to now while it runs. */
    private Long duration;
    private String error;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    @SuppressWarnings("unchecked")
    public static V2VJobInventory valueOf(V2VJobVO vo) {
        V2VJobInventory inv = new V2VJobInventory();
        inv.uuid = vo.getUuid();
        inv.taskUuid = vo.getTaskUuid();
        inv.conversionHostUuid = vo.getConversionHostUuid();
        inv.sourceUrl = vo.getSourceUrl();
        inv.sourceVmUuid = vo.getSourceVmUuid();
        inv.sourceVmName = vo.getSourceVmName();
        inv.targetVmUuid = vo.getTargetVmUuid();
        inv.targetVmName = vo.getTargetVmName();
        inv.targetHostUuid = vo.getTargetHostUuid();
        inv.platform = vo.getPlatform();
        inv.phase = vo.getPhase();
        inv.bytesTransferred = vo.getBytesTransferred();
        inv.reservedCacheSize = vo.getReservedCacheSize();
        inv.logPath = vo.getLogPath();
        if (vo.getPhaseTimes() != null) {
            inv.phaseTimes = JSONObjectUtil.toObject(vo.getPhaseTimes(), Map.class);
        }
        inv.readPath = vo.getReadPath();
        inv.readPathReason = vo.getReadPathReason();
        inv.waitingFor = vo.getWaitingFor();
        inv.startDate = vo.getStartDate();
        inv.endDate = vo.getEndDate();
        if (vo.getStartDate() != null) {
            long end = vo.getEndDate() != null ? vo.getEndDate().getTime() : System.currentTimeMillis();
            inv.duration = Math.max(0, (end - vo.getStartDate().getTime()) / 1000);
        }
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        LongJobVO job = Q.New(LongJobVO.class).eq(org.zstack.header.longjob.LongJobVO_.uuid, vo.getUuid()).find();
        if (job != null) {
            inv.state = job.getState().toString();
            if (job.getState().isFinal() && !"Succeeded".equals(inv.state) && job.getJobResult() != null) {
                inv.error = errorChain(JSONObjectUtil.toObject(job.getJobResult(), Map.class));
            }
            TaskProgressVO p = Q.New(TaskProgressVO.class).eq(TaskProgressVO_.apiId, job.getApiId())
                    .orderBy(TaskProgressVO_.id, false).limit(1).find();
            if (p != null && p.getContent() != null) {
                inv.progress = Integer.valueOf(p.getContent());
            }
            if ("Succeeded".equals(inv.state)) {
                inv.progress = 100;
            }
        }
        return inv;
    }

    /** The error and its causes, outermost first, as one line: the cause says what the agent saw. */
    @SuppressWarnings("unchecked")
    private static String errorChain(Map<String, Object> e) {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; e != null && depth < 8; depth++) {
            Object d = e.get("details") != null ? e.get("details") : e.get("description");
            if (d != null) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(d);
            }
            e = e.get("cause") instanceof Map ? (Map<String, Object>) e.get("cause") : null;
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    public String getUuid() { return uuid; }
    public String getTaskUuid() { return taskUuid; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public String getSourceUrl() { return sourceUrl; }
    public String getSourceVmUuid() { return sourceVmUuid; }
    public String getSourceVmName() { return sourceVmName; }
    public String getTargetVmUuid() { return targetVmUuid; }
    public String getTargetVmName() { return targetVmName; }
    public String getTargetHostUuid() { return targetHostUuid; }
    public String getPlatform() { return platform; }
    public String getState() { return state; }
    public String getPhase() { return phase; }
    public Integer getProgress() { return progress; }
    public Long getBytesTransferred() { return bytesTransferred; }
    public Long getReservedCacheSize() { return reservedCacheSize; }
    public String getLogPath() { return logPath; }
    public Map<String, Double> getPhaseTimes() { return phaseTimes; }
    public String getReadPath() { return readPath; }
    public String getReadPathReason() { return readPathReason; }
    public String getWaitingFor() { return waitingFor; }
    public Timestamp getStartDate() { return startDate; }
    public Timestamp getEndDate() { return endDate; }
    public Long getDuration() { return duration; }
    public String getError() { return error; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
}
