package org.zstack.header.volume;

public enum VolumeStatus {
    Creating,
    Ready,
    Deleted
}
