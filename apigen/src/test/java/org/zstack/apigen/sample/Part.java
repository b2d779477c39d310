package org.zstack.apigen.sample;

import org.zstack.header.rest.APIDoc;

@APIDoc(value = "A part of a thing", zhCN = "部件")
public class Part {
    private String name;
    private java.util.Map<String, Object> opaque;
}
