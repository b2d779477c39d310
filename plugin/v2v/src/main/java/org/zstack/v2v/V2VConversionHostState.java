package org.zstack.v2v;

public enum V2VConversionHostState { Enabled, Disabled }
