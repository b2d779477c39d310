package org.zstack.header.volume;

public interface VolumeConstant {
    String VOLUME_FORMAT_QCOW2 = "qcow2";
    String VOLUME_FORMAT_RAW = "raw";
    String VOLUME_FORMAT_VMDK = "vmdk";
}
