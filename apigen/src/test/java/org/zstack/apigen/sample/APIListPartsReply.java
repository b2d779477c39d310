package org.zstack.apigen.sample;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

import java.util.List;
import java.util.Map;

@RestResponse(fieldsTo = {"inventories=parts", "version", "caps"})
public class APIListPartsReply extends APIReply {
    private List<Part> parts;
    private String version;
    private Map<String, List<String>> caps;
}
