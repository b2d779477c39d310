package org.zstack.header.storage.primary;

public enum PrimaryStorageState { Enabled, Disabled }
