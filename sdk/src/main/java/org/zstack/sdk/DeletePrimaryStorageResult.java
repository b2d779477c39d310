package org.zstack.sdk;

public class DeletePrimaryStorageResult {
}
