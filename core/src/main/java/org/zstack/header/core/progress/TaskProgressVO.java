package org.zstack.header.core.progress;

import jakarta.persistence.*;

/** One progress report of the job behind an API (apiId): a percentage or a stage, with its time. */
@Entity
@Table(name = "TaskProgressVO")
public class TaskProgressVO {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column
    private String apiId;
    @Column
    private String taskUuid;
    @Column
    private String taskName;
    @Column
    private String parentUuid;
    @Column
    private String type;
    @Column
    @Lob
    private String content;
    @Column
    @Lob
    private String opaque;
    @Column
    private String arguments;
    @Column
    private long time;

    public long getId() { return id; }
    public String getApiId() { return apiId; }
    public void setApiId(String apiId) { this.apiId = apiId; }
    public String getTaskUuid() { return taskUuid; }
    public void setTaskUuid(String taskUuid) { this.taskUuid = taskUuid; }
    public String getTaskName() { return taskName; }
    public void setTaskName(String taskName) { this.taskName = taskName; }
    public String getParentUuid() { return parentUuid; }
    public void setParentUuid(String parentUuid) { this.parentUuid = parentUuid; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getOpaque() { return opaque; }
    public void setOpaque(String opaque) { this.opaque = opaque; }
    public String getArguments() { return arguments; }
    public void setArguments(String arguments) { this.arguments = arguments; }
    public long getTime() { return time; }
    public void setTime(long time) { this.time = time; }
}
