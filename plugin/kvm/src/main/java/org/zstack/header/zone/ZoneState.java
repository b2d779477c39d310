package org.zstack.header.zone;

public enum ZoneState { Enabled, Disabled }
