package org.zstack.core.config;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/global-configurations/{category}/{name}/actions", method = HttpMethod.PUT, isAction = true,
        responseClass = APIUpdateGlobalConfigEvent.class)
public class APIUpdateGlobalConfigMsg extends APIMessage {
    @APIParam(maxLength = 255)
    private String category;
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(maxLength = 65535)
    private String value;

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
