package org.zstack.sdk;

public class DeleteL3NetworkResult {
}
