package org.zstack.sdk;

public class TaskProgressInventory {
    public String taskUuid;
    public String taskName;
    public String parentUuid;
    public String type;
    public String content;
    public java.util.Map<String, Object> opaque;
    public Long time;
    public java.util.List<TaskProgressInventory> subTasks;
    public String arguments;

    public String getTaskUuid() {
        return taskUuid;
    }

    public void setTaskUuid(String taskUuid) {
        this.taskUuid = taskUuid;
    }

    public String getTaskName() {
        return taskName;
    }

    public void setTaskName(String taskName) {
        this.taskName = taskName;
    }

    public String getParentUuid() {
        return parentUuid;
    }

    public void setParentUuid(String parentUuid) {
        this.parentUuid = parentUuid;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public java.util.Map<String, Object> getOpaque() {
        return opaque;
    }

    public void setOpaque(java.util.Map<String, Object> opaque) {
        this.opaque = opaque;
    }

    public Long getTime() {
        return time;
    }

    public void setTime(Long time) {
        this.time = time;
    }

    public java.util.List<TaskProgressInventory> getSubTasks() {
        return subTasks;
    }

    public void setSubTasks(java.util.List<TaskProgressInventory> subTasks) {
        this.subTasks = subTasks;
    }

    public String getArguments() {
        return arguments;
    }

    public void setArguments(String arguments) {
        this.arguments = arguments;
    }
}
