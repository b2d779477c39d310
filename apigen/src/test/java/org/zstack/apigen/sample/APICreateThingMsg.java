package org.zstack.apigen.sample;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.APIDoc;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

import java.util.List;
import java.util.Map;

/** Creates a thing from its parts. */
@APIDoc(zhCN = "创建一个东西")
@RestRequest(path = "/things", method = HttpMethod.POST, parameterName = "params", responseClass = APICreateThingEvent.class)
public class APICreateThingMsg extends APICreateMessage {
    /** What it is called. */
    @APIDoc(zhCN = "名称")
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(nonempty = true)
    private List<String> l3NetworkUuids;
    @APIParam(required = false)
    private Map<String, String> options;
    @APIParam(numberRange = {1, 1024})
    private Integer cpuNum;
    @APIDoc(value = "How it is made", example = "Fast")
    @APIParam(required = false, validValues = {"Slow", "Fast"})
    private String mode = "Slow";
    @APIParam(required = false, validRegexValues = "^[a-z]+:/.*$")
    private String url;
    private boolean pauseVm;
}
