package org.zstack.v2v.agent.convert;

import java.nio.file.Path;
import java.util.Map;

/** The environment of every libguestfs program the conversion runs (virt-v2v, guestfish). */
final class LibguestfsEnvironment {
    private LibguestfsEnvironment() {
    }

    /**
     * @param forceTcg run the appliance without KVM: for hosts whose /dev/kvm is missing or unusable (nested
     *                 virtualisation, CI), never the default since it is many times slower
     * @param tmpDir   a directory of the job on the storage path: virt-v2v keeps overlays and temporary files in
     *                 TMPDIR, and /tmp may be a small tmpfs
     */
    static void apply(Map<String, String> env, boolean forceTcg, Path tmpDir) {
        // libvirt's backend would need a running libvirtd and its own access to the job's files
        env.put("LIBGUESTFS_BACKEND", "direct");
        if (forceTcg) {
            env.put("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg");
        } else {
            env.remove("LIBGUESTFS_BACKEND_SETTINGS");
        }
        // English, unlocalised messages: the error line is passed on and matched
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        // the appliance is cached in LIBGUESTFS_CACHEDIR, else in TMPDIR: keep it in one place for all jobs, or
        // every job would rebuild it (a few hundred MB, tens of seconds) in its own directory
        if (!env.containsKey("LIBGUESTFS_CACHEDIR")) {
            String tmp = env.get("TMPDIR");
            env.put("LIBGUESTFS_CACHEDIR", tmp != null && !tmp.isBlank() ? tmp : "/var/tmp");
        }
        env.put("TMPDIR", tmpDir.toString());
    }
}
