package org.zstack.header.zone;

import org.zstack.header.message.APIDeleteMessage.DeletionMode;

/**
 * What depends on a zone takes part in its deletion: in Permissive mode it may refuse (throw an
 * OperationFailureException), then it deletes its own resources in that zone, before the zone goes.
 */
public interface ZoneDeletionExtensionPoint {
    void zoneDeletionCheck(String zoneUuid, DeletionMode mode);

    void deleteResourcesOfZone(String zoneUuid);
}
