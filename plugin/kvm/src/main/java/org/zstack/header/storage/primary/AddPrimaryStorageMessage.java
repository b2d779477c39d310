package org.zstack.header.storage.primary;


/** What every AddXxxPrimaryStorage API gives, so one handler serves them all. */
public interface AddPrimaryStorageMessage {
    String getName();
    String getDescription();
    String getUrl();
    String getZoneUuid();
    String getType();
    String getResourceUuid();
    String getId();
}
