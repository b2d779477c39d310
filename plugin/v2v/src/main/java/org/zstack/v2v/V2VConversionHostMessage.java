package org.zstack.v2v;

/** A message about one conversion host; the V2V service runs them in that conversion host's queue. */
public interface V2VConversionHostMessage {
    String getConversionHostUuid();
}
