package org.zstack.v2v.source;

/**
 * How a source is reached for one request or job: through which conversion host, with which secret. VMware needs
 * neither (the vCenter is registered with its own credentials); a KVM host is reached by the conversion host's agent
 * with the private key the administrator gave. The key is held here in clear only in memory: a job keeps it
 * encrypted (V2VJobSpec) and no API returns it.
 */
public class SourceAccess {
    public final String conversionHostUuid;
    /**
     * The conversion host's KVM host, which runs the agent commands: set for a job's run. A submission's lookup
     * ({@link MigrationSource#find}) leaves it null; a source that needs the conversion host picks and checks it.
     */
    public final String conversionHostHostUuid;
    public final String sshPrivKey;

    public SourceAccess(String conversionHostUuid, String conversionHostHostUuid, String sshPrivKey) {
        this.conversionHostUuid = conversionHostUuid;
        this.conversionHostHostUuid = conversionHostHostUuid;
        this.sshPrivKey = sshPrivKey;
    }

    @Override
    public String toString() {
        // never the key
        return "SourceAccess{conversionHost=" + conversionHostUuid + "}";
    }
}
