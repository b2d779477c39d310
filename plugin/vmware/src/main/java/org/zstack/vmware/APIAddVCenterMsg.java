package org.zstack.vmware;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.zone.ZoneVO;

/**
 * Adds a vCenter as a migration source: logs in, records its version and certificate thumbprint, stores the
 * password encrypted, and syncs its inventory once. Nothing is stored when any of it fails.
 */
@RestRequest(path = "/vcenters", method = HttpMethod.POST, parameterName = "params", responseClass = APIAddVCenterEvent.class)
public class APIAddVCenterMsg extends APICreateMessage implements VCenterMessage {
    @APIParam(maxLength = 255, emptyString = false)
    private String username;
    @APIParam(maxLength = 255, emptyString = false, noTrim = true)
    @NoLogging
    private String password;
    @APIParam(resourceType = ZoneVO.class)
    private String zoneUuid;
    @APIParam(maxLength = 255, emptyString = false)
    private String name;
    /** https (the default) or plain http. */
    @APIParam(required = false)
    private boolean https = true;
    /** 443 for https, 80 for http when not given. */
    @APIParam(required = false, numberRange = {1, 65535})
    private Integer port;
    @APIParam(maxLength = 256, emptyString = false)
    private String domainName;
    @APIParam(required = false, maxLength = 2048)
    private String description;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isHttps() { return https; }
    public void setHttps(boolean https) { this.https = https; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getDomainName() { return domainName; }
    public void setDomainName(String domainName) { this.domainName = domainName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }

    /** The uuid the new vCenter gets (the interceptor chooses it when the client did not). */
    @Override
    public String getVCenterUuid() { return getResourceUuid(); }
}
