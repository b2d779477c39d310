package org.zstack.sdk;

public class DeleteAccessKeyResult {
}
