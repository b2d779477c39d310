package org.zstack.agent.vm;

/** The guest-visible virtio disk names libvirt uses as targets: vda … vdz, vdaa … vdzz, as the kernel names them. */
final class DiskNames {
    private DiskNames() {
    }

    /** deviceId 0 is vda, 25 vdz, 26 vdaa: the kernel's bijective base-26 naming. */
    static String virtio(int deviceId) {
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must not be negative: " + deviceId);
        }
        StringBuilder suffix = new StringBuilder();
        for (int n = deviceId; n >= 0; n = n / 26 - 1) {
            suffix.insert(0, (char) ('a' + n % 26));
        }
        return "vd" + suffix;
    }
}
