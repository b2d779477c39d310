package org.zstack.sdk;

public class DeleteIpRangeResult {
}
