// What the wizard loads from the node (conversion hosts, vCenters and their VMs, the target zone's inventories) and
// what follows from it and the state: the chosen VMs, the target's capacity.
import { useMemo } from 'react';
import { api } from '../../api';
import { useLoad } from '../../hooks';
import type { ConversionHost } from '../ConversionHosts';
import type { SourceVm, VCenter } from '../SourcePlatforms';
import { fromEsx, fromKvm } from './model';
import type { Host, L3, Named, PS, Vm } from './model';
import type { WizardState } from './state';

export const DEFAULT_SUFFIX = '-迁移';

export function useWizardData(s: WizardState) {
  const base = useLoad(async () => {
    const [chs, vcs, zones, suffix, compressCfg] = await Promise.all([
      api.query<ConversionHost>('/v2v-conversion-hosts'),
      api.query<VCenter>('/vcenters'),
      api.query<Named>('/zones'),
      api.query<{ value: string }>('/global-configurations', ['category=v2v', 'name=targetVmNameSuffix']),
      api.query<{ value: string }>('/global-configurations', ['category=v2v', 'name=compress']),
    ]);
    return { chs, vcs, zones, suffix: suffix[0]?.value ?? DEFAULT_SUFFIX, compress: compressCfg[0]?.value };
  }, []);

  const srcClusters = useLoad(async () => (s.vcUuid ? api.query<Named>('/vcenters/clusters', [`vCenterUuid=${s.vcUuid}`]) : []), [s.vcUuid]);
  const esxVms = useLoad(async () => {
    if (!s.vcUuid || !s.srcCluster) return [] as Vm[];
    const vms = await api.query<SourceVm>('/vm-instances', ['hypervisorType=ESX', `clusterUuid=${s.srcCluster}`]);
    return vms.map(fromEsx).sort((a, b) => a.name.localeCompare(b.name));
  }, [s.vcUuid, s.srcCluster]);

  const target = useLoad(async () => {
    if (!s.zoneUuid) return null;
    const [clusters, hosts, pss, l3s] = await Promise.all([
      api.query<Named>('/clusters', [`zoneUuid=${s.zoneUuid}`, 'hypervisorType=KVM']),
      api.query<Host & { state?: string; status?: string }>('/hosts', [`zoneUuid=${s.zoneUuid}`, 'hypervisorType=KVM']),
      api.query<PS>('/primary-storage', [`zoneUuid=${s.zoneUuid}`]),
      api.query<L3>('/l3-networks', [`zoneUuid=${s.zoneUuid}`]),
    ]);
    return { clusters, hosts, pss, l3s };
  }, [s.zoneUuid]);

  const kvmVms = useMemo(() => (s.kvmListing ? (s.kvmListing.listing.inventories ?? []).map((d) => fromKvm(s.kvmListing!.uri, d)) : []), [s.kvmListing]);
  const allVms = s.platformType === 'VMWARE' ? esxVms.data ?? [] : kvmVms;
  const chosenVms = useMemo(() => s.selected.map((k) => allVms.find((v) => v.key === k)).filter((v): v is Vm => !!v), [s.selected, allVms]);
  const l3s = target.data?.l3s ?? [];
  const l3Name = (uuid?: string | null) => l3s.find((l) => l.uuid === uuid)?.name ?? uuid ?? '';

  // the usable hosts (Enabled and Connected) of the chosen cluster, of the whole zone when no cluster is chosen:
  // what a VM can be placed on
  const hosts = (target.data?.hosts ?? []).filter(
    (h) => (!s.clusterUuid || h.clusterUuid === s.clusterUuid) && (h.state ?? 'Enabled') === 'Enabled' && (h.status ?? 'Connected') === 'Connected',
  );
  const pss = (target.data?.pss ?? []).filter((p) => !s.clusterUuid || (p.attachedClusterUuids ?? []).includes(s.clusterUuid));
  return { base, srcClusters, esxVms, target, kvmVms, allVms, chosenVms, l3s, l3Name, hosts, pss };
}

export type WizardData = ReturnType<typeof useWizardData>;
