package org.zstack.sdk;

public class DeleteZoneResult {
}
