package org.zstack.header.core.progress;

import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.Inventory;

import java.util.List;
import java.util.Map;

@Inventory(mappingVOClass = TaskProgressVO.class)
public class TaskProgressInventory {
    private String taskUuid;
    private String taskName;
    private String parentUuid;
    private String type;
    private String content;
    private Map<String, Object> opaque;
    private Long time;
    private List<TaskProgressInventory> subTasks;
    private String arguments;

    public static TaskProgressInventory valueOf(TaskProgressVO vo) {
        TaskProgressInventory inv = new TaskProgressInventory();
        inv.taskUuid = vo.getTaskUuid();
        inv.taskName = vo.getTaskName();
        inv.parentUuid = vo.getParentUuid();
        inv.type = vo.getType();
        inv.content = vo.getContent();
        inv.opaque = vo.getOpaque() == null ? null : JSONObjectUtil.toMap(vo.getOpaque());
        inv.time = vo.getTime();
        inv.arguments = vo.getArguments();
        return inv;
    }

    public String getContent() { return content; }
    public String getType() { return type; }
    public Map<String, Object> getOpaque() { return opaque; }
}
