package org.zstack.vmware.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A file of a datastore as vSphere names it ({@code [datastore] dir/name.vmdk}), and its HTTPS address at the
 * vCenter: {@code /folder/<path>?dcPath=<datacenter path>&dsName=<datastore>}, which vCenter serves with Range.
 */
record DatastoreFile(String datastore, String path) {
    /** Null when the name is not a datastore path. */
    static DatastoreFile parse(String fileName) {
        if (fileName == null || !fileName.startsWith("[")) {
            return null;
        }
        int end = fileName.indexOf(']');
        if (end < 0) {
            return null;
        }
        return new DatastoreFile(fileName.substring(1, end), fileName.substring(end + 1).trim());
    }

    /**
     * The extent holding a flat disk's bytes: a flat VMDK is a small text descriptor ({@code name.vmdk}) naming a
     * raw extent ({@code name-flat.vmdk}), and only the extent is the disk.
     */
    DatastoreFile flatExtent() {
        if (path.endsWith("-flat.vmdk") || !path.endsWith(".vmdk")) {
            return this;
        }
        return new DatastoreFile(datastore, path.substring(0, path.length() - ".vmdk".length()) + "-flat.vmdk");
    }

    String url(String vCenterAuthority, String datacenterPath) {
        String encodedPath = Arrays.stream(path.split("/")).map(DatastoreFile::encode).collect(Collectors.joining("/"));
        return String.format("https://%s/folder/%s?dcPath=%s&dsName=%s", vCenterAuthority, encodedPath,
                encode(datacenterPath), encode(datastore));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "[" + datastore + "] " + path;
    }
}
