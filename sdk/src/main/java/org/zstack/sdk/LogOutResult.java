package org.zstack.sdk;

public class LogOutResult {
}
