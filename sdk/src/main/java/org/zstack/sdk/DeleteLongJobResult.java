package org.zstack.sdk;

public class DeleteLongJobResult {
}
