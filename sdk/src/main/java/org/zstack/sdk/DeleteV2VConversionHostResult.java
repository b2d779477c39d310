package org.zstack.sdk;

public class DeleteV2VConversionHostResult {
}
