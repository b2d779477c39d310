package org.zstack.sdk;

public class DeleteHostResult {
}
