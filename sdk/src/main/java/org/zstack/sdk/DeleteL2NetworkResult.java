package org.zstack.sdk;

public class DeleteL2NetworkResult {
}
