package org.zstack.v2v;

import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * The end of a migration job's log on its conversion host: virt-v2v's (the default), the guest network step's, or the
 * previous run's virt-v2v log. Read while the job runs or after it ended; the console's job detail shows it and
 * offers it for download.
 */
@RestRequest(path = "/v2v-jobs/{uuid}/log", method = HttpMethod.GET, responseClass = APIGetV2VJobLogReply.class)
public class APIGetV2VJobLogMsg extends APISyncCallMessage {
    @APIParam(resourceType = V2VJobVO.class)
    private String uuid;
    @APIParam(required = false, validValues = {"virt-v2v.log", "virt-v2v.log.1", "guest-network.log"})
    private String name;
    /** At most this many bytes from the log's end (default 64 KiB, at most 4 MiB). */
    @APIParam(required = false, numberRange = {1, 4194304})
    private Long tailBytes;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getTailBytes() { return tailBytes; }
    public void setTailBytes(Long tailBytes) { this.tailBytes = tailBytes; }
}
