package org.zstack.sdk;

public class DeleteClusterResult {
}
