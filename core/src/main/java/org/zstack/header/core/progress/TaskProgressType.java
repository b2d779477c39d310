package org.zstack.header.core.progress;

public enum TaskProgressType { Progress, Task }
