package org.zstack.vmware;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * Changes a vCenter. A new address, user or password is tried (a login) before anything is stored, and the
 * certificate the vCenter shows then is the one expected from then on (the way to accept a renewed certificate).
 */
@RestRequest(path = "/vcenters/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIUpdateVCenterEvent.class)
public class APIUpdateVCenterMsg extends APIMessage implements VCenterMessage {
    @APIParam(resourceType = VCenterVO.class)
    private String uuid;
    @APIParam(required = false, maxLength = 255, emptyString = false)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false, maxLength = 255, emptyString = false)
    private String username;
    @APIParam(required = false, maxLength = 255, emptyString = false, noTrim = true)
    @NoLogging
    private String password;
    @APIParam(required = false, maxLength = 256, emptyString = false)
    private String domainName;
    @APIParam(required = false, numberRange = {1, 65535})
    private Integer port;
    @APIParam(required = false, validValues = {"Enabled", "Disabled"})
    private String state;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDomainName() { return domainName; }
    public void setDomainName(String domainName) { this.domainName = domainName; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }

    @Override
    public String getVCenterUuid() { return uuid; }
}
