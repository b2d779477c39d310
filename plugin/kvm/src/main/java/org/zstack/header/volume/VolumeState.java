package org.zstack.header.volume;

public enum VolumeState {
    Enabled,
    Disabled
}
