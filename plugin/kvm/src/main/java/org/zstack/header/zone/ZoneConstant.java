package org.zstack.header.zone;

public interface ZoneConstant {
    String SERVICE_ID = "zone";
    String ZSTACK_ZONE_TYPE = "zstack";
}
