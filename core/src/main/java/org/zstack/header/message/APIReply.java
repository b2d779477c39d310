package org.zstack.header.message;

/** The answer of an APISyncCallMessage. */
public class APIReply extends MessageReply {
}
