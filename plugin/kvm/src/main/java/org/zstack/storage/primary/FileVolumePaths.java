package org.zstack.storage.primary;

/**
 * The file layout of a primary storage that is a directory on the host (local or mounted): ZStack's
 * {@code <dir>/rootVolumes/vol-<uuid>/<uuid>.qcow2}, data volumes under {@code dataVolumes}.
 */
final class FileVolumePaths {
    private FileVolumePaths() {
    }

    static String installPath(String dir, String volumeUuid, boolean rootVolume) {
        String base = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        return String.format("%s/%s/vol-%s/%s.qcow2", base, rootVolume ? "rootVolumes" : "dataVolumes", volumeUuid, volumeUuid);
    }
}
