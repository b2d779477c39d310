package org.zstack.v2v.job;

import org.zstack.header.host.HostVO;
import org.zstack.header.storage.primary.PrimaryStorageBackend;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VJobVO;
import org.zstack.v2v.source.MigrationSource;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceAccess;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run of a migration job knows, passed along source → transfer → convert → target. */
public class MigrationContext {
    public final V2VJobSpec spec;
    public final String apiId;
    public final MigrationServices services;
    public MigrationSource source;
    public V2VConversionHostVO conversionHost;
    public HostVO conversionHostHost;
    public HostVO targetHost;
    public PrimaryStorageVO primaryStorage;
    /** The disks migrated, root first (spec.skipDisks left out). */
    public List<SourceVm.Disk> disks = new ArrayList<>();

    public PreparedSource prepared;
    public V2VAgentCommands.TransferRsp transferred;
    public V2VAgentCommands.ConvertRsp converted;
    /** Target volume uuid per migrated disk, in the order of {@link #disks}. */
    public List<String> volumeUuids = new ArrayList<>();
    public List<String> installPaths = new ArrayList<>();
    /** The IP each NIC got, in the order of spec.nics; null where its L3 has no ranges (DHCP). */
    public List<org.zstack.header.network.l3.UsedIpInventory> ips = new ArrayList<>();
    public V2VAgentCommands.DeliverRsp delivered;

    /** Seconds per phase, in order. */
    public final Map<String, Double> phaseTimes = new LinkedHashMap<>();
    public volatile boolean canceled;
    /** This run resumes the job after its management node was gone (takeover or restart), not its first run. */
    public boolean resumed;
    /** On a resumed run: what the conversion host held of the job when the run began; null otherwise. */
    public V2VAgentCommands.JobStateRsp agentState;

    public MigrationContext(V2VJobSpec spec, String apiId, MigrationServices services) {
        this.spec = spec;
        this.apiId = apiId;
        this.services = services;
    }

    private final Map<String, Long> phaseStarts = new LinkedHashMap<>();

    /** Records the phase on the job (the task list shows it) and its progress at the phase's start. */
    public void beginPhase(String phase, int percent) {
        phaseStarts.put(phase, System.nanoTime());
        services.updateJob(jobUuid(), j -> j.setPhase(phase));
        services.progress.reportProgress(apiId, percent, phase, Map.of("phase", phase));
    }

    public void endPhase(String phase) {
        Long begin = phaseStarts.remove(phase);
        if (begin != null) {
            phaseTimes.put(phase, Math.round((System.nanoTime() - begin) / 1e7) / 100.0);
        }
    }

    /** Ends the phases still open when the run stops (the one that failed or was canceled), so their time shows too. */
    public void endOpenPhases() {
        for (String phase : List.copyOf(phaseStarts.keySet())) {
            endPhase(phase);
        }
    }

    /** How the source is reached by this job: its conversion host, and the key it was given (decrypted here only). */
    public SourceAccess access() {
        V2VJobVO job = services.dbf.findByUuid(spec.jobUuid, V2VJobVO.class);
        String stored = job == null ? null : job.getSourceCredential();
        String key = stored == null ? null : services.encryption.decrypt(stored);
        return new SourceAccess(spec.conversionHostUuid, conversionHost == null ? null : conversionHost.getHostUuid(), key);
    }

    public String jobUuid() {
        return spec.jobUuid;
    }

    public String storagePath() {
        return conversionHost.getStoragePath();
    }

    public String vmName() {
        return spec.sourceVm.name;
    }

    /** What kind of storage the target volumes go to: it says where they live and who sees them. */
    public PrimaryStorageBackend storage() {
        return services.storageBackends.get(primaryStorage.getType());
    }

    /**
     * The agent URL of the target host when the volumes must be uploaded there; null when they are written here (a
     * shared storage, or the target host is the conversion host).
     */
    public String targetAgentUrl() {
        if (storage().isShared() || targetHost.getUuid().equals(conversionHostHost.getUuid())) {
            return null;
        }
        return "http://" + targetHost.getManagementIp() + ":" + services.deployer.agentPort();
    }
}
