package org.zstack.header.volume;

public enum VolumeType {
    Root,
    Data
}
