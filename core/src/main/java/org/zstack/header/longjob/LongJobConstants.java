package org.zstack.header.longjob;

public interface LongJobConstants {
    String SERVICE_ID = "longjob";
}
