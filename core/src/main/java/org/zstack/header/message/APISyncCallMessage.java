package org.zstack.header.message;

/** Queries, gets and login: answered 200/503 at once instead of 202 + poll. */
public abstract class APISyncCallMessage extends APIMessage {
}
