package org.zstack.header.zone;

/** A message about one zone; the zone manager runs them in that zone's queue. */
public interface ZoneMessage {
    String getZoneUuid();
}
