package org.zstack.v2v.agent.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the converted guest's network configuration looks like, as read from its disks before anything is
 * written: which systems are installed and the files that may name the source VM's NICs. Files that may hold
 * secrets (NetworkManager profiles, ifcfg files) are represented only by the few keys that are needed.
 */
final class GuestNetworkFacts {
    /** /etc/network/interfaces; null when the guest has none */
    String interfaces;
    /** file name → content, of /etc/network/interfaces.d */
    final Map<String, String> interfacesD = new TreeMap<>();
    /** ifup is installed */
    boolean ifupdown;
    /** resolvconf is installed: it turns ifupdown's dns-nameservers into /etc/resolv.conf */
    boolean resolvconf;
    /** /etc/resolv.conf is a symbolic link (systemd-resolved's stub, resolvconf's run file): a service owns it */
    boolean resolvConfLink;
    /** /etc/resolv.conf when it is a regular file; null otherwise */
    String resolvConf;
    /** the netplan command is installed */
    boolean netplan;
    /** file name → content, of /etc/netplan/*.yaml */
    final Map<String, String> netplanFiles = new TreeMap<>();
    /** NetworkManager is installed */
    boolean networkManager;
    /** file name → its type, interface-name and mac-address keys, of /etc/NetworkManager/system-connections */
    final Map<String, Map<String, String>> nmProfiles = new TreeMap<>();
    /** /etc/sysconfig/network-scripts exists */
    boolean networkScripts;
    /** ifcfg-&lt;suffix&gt; → its DEVICE and HWADDR keys */
    final Map<String, Map<String, String>> ifcfgFiles = new TreeMap<>();
    /** udev is systemd's, so .link files name NICs */
    boolean systemdUdev;
    /** the file names in /etc/systemd/network */
    final List<String> systemdNetworkFiles = new ArrayList<>();
    /** cloud-init is installed */
    boolean cloudInit;
    /** the SELinux policy type (targeted ...); null when SELinux is absent or disabled */
    String selinuxType;
}
