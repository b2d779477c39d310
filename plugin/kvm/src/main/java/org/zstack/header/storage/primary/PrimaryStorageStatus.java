package org.zstack.header.storage.primary;

public enum PrimaryStorageStatus { Connecting, Connected, Disconnected }
