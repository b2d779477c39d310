package org.zstack.kvm;

import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.host.APIAddHostEvent;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** The node deploys the agent over SSH (password or private key), then connects to it. */
@RestRequest(path = "/hosts/kvm", method = HttpMethod.POST, parameterName = "params", responseClass = APIAddHostEvent.class)
public class APIAddKVMHostMsg extends APICreateMessage {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(maxLength = 255)
    private String managementIp;
    @APIParam(resourceType = ClusterVO.class)
    private String clusterUuid;
    @APIParam(maxLength = 255)
    private String username;
    @APIParam(required = false, maxLength = 255, noTrim = true)
    @NoLogging
    private String password;
    @APIParam(required = false, maxLength = 16384, noTrim = true)
    @NoLogging
    private String sshPrivateKey;
    @APIParam(required = false, numberRange = {1, 65535})
    private Integer sshPort;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getManagementIp() { return managementIp; }
    public void setManagementIp(String managementIp) { this.managementIp = managementIp; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSshPrivateKey() { return sshPrivateKey; }
    public void setSshPrivateKey(String sshPrivateKey) { this.sshPrivateKey = sshPrivateKey; }
    public Integer getSshPort() { return sshPort; }
    public void setSshPort(Integer sshPort) { this.sshPort = sshPort; }
}
