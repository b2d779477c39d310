package org.zstack.v2v.agent.convert;

/**
 * What libguestfs inspection found on the guest's disks; any part may be null when it could not tell.
 *
 * @param type   "linux", "windows", ...
 * @param distro "debian", "rhel", "ubuntu", "windows", ...
 */
public record GuestOs(String type, String distro, Integer majorVersion, Integer minorVersion, String productName) {
    public static final GuestOs UNKNOWN = new GuestOs(null, null, null, null, null);

    public boolean isWindows() {
        return "windows".equals(type);
    }

    public boolean isKnown() {
        return type != null && !type.equals("unknown");
    }

    /** "12.5"; null when inspection found no version */
    public String version() {
        if (majorVersion == null) {
            return null;
        }
        return majorVersion + "." + (minorVersion == null ? 0 : minorVersion);
    }

    /** This one's parts, the other's where this one has none. */
    public GuestOs orElse(GuestOs other) {
        return new GuestOs(known(type) ? type : other.type, known(distro) ? distro : other.distro,
                majorVersion != null ? majorVersion : other.majorVersion,
                minorVersion != null ? minorVersion : other.minorVersion,
                productName != null ? productName : other.productName);
    }

    private static boolean known(String s) {
        return s != null && !s.isEmpty() && !s.equals("unknown");
    }
}
