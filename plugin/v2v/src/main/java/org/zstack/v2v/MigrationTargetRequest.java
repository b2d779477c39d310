package org.zstack.v2v;

/**
 * What both migration APIs (the single VM's and the wizard's batch) say alike: where the VMs go and how they are
 * reached and copied. The planner starts every job spec from it.
 */
public interface MigrationTargetRequest {
    String getDescription();

    String getConversionHostUuid();

    String getZoneUuid();

    String getClusterUuid();

    String getHostUuid();

    String getPrimaryStorageUuid();

    String getStrategy();

    Boolean getPauseVm();

    String getSshPrivKey();
}
