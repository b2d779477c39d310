package org.zstack.header.longjob;

import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

@Inventory(mappingVOClass = LongJobVO.class)
public class LongJobInventory {
    private String uuid;
    private String name;
    private String description;
    private String apiId;
    private String jobName;
    private String jobData;
    private String jobResult;
    private LongJobState state;
    private String targetResourceUuid;
    private String managementNodeUuid;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    private Long executeTime;

    public static LongJobInventory valueOf(LongJobVO vo) {
        LongJobInventory inv = new LongJobInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.apiId = vo.getApiId();
        inv.jobName = vo.getJobName();
        inv.jobData = vo.getJobData();
        inv.jobResult = vo.getJobResult();
        inv.state = vo.getState();
        inv.targetResourceUuid = vo.getTargetResourceUuid();
        inv.managementNodeUuid = vo.getManagementNodeUuid();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        inv.executeTime = vo.getExecuteTime();
        return inv;
    }

    public static List<LongJobInventory> valueOf(List<LongJobVO> vos) {
        return vos.stream().map(LongJobInventory::valueOf).collect(Collectors.toList());
    }

    public String getUuid() { return uuid; }
    public String getApiId() { return apiId; }
    public String getJobName() { return jobName; }
    public LongJobState getState() { return state; }
    public String getJobResult() { return jobResult; }
}
