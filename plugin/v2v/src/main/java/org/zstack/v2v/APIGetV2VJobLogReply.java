package org.zstack.v2v;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

/** A job's log: where it is on the conversion host, its size, and its last bytes (truncated says there is more). */
@RestResponse(fieldsTo = {"all"})
public class APIGetV2VJobLogReply extends APIReply {
    private String conversionHostUuid;
    private String path;
    private long size;
    private boolean truncated;
    private String content;

    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public long getSize() { return size; }
    public void setSize(long size) { this.size = size; }
    public boolean isTruncated() { return truncated; }
    public void setTruncated(boolean truncated) { this.truncated = truncated; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
}
