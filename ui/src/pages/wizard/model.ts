// The wizard's data: a source VM (VMware or KVM alike), what the user chose for it, and the target's inventories.
import type { KvmDomain, SourceVm } from '../SourcePlatforms';

export const MAX_VMS = 50;
export const PLATFORMS = ['Linux', 'Windows', 'WindowsVirtio', 'Paravirtualization', 'Other'];
/** ZStack refuses a VM with less memory than this; the field clamps to it. */
export const MIN_MEMORY_MB = 64;

/** A source VM in the wizard, VMware or KVM alike. */
export interface Vm {
  key: string; // sourceVmUuid as CreateV2VTask takes it
  name: string;
  state: string;
  cpuNum: number;
  memorySize: number;
  platform?: string;
  disks: number[]; // sizes
  nics: { mac: string; network: string }[];
}

export interface NicChoice {
  l3: string | null; // null: follow the network mapping
  keepMac: boolean;
  ipMode: 'auto' | 'fixed';
  ip: string;
}

export interface VmChoice {
  name: string;
  cpuNum: number;
  memoryMB: number;
  platform: string;
  nics: Record<string, NicChoice>; // by source MAC
}

export interface IpRange { startIp: string; endIp: string; gateway?: string }
export interface L3 { uuid: string; name: string; ipRanges?: IpRange[]; l2NetworkUuid: string }
export interface Host { uuid: string; clusterUuid: string; cpuNum?: number; totalCpuCapacity?: number; availableCpuCapacity?: number; totalMemoryCapacity?: number; availableMemoryCapacity?: number }
export interface PS { uuid: string; name: string; totalCapacity?: number; availableCapacity?: number; attachedClusterUuids?: string[]; zoneUuid: string }
export interface Named { uuid: string; name: string }

export function fromEsx(v: SourceVm): Vm {
  return {
    key: v.uuid,
    name: v.name,
    state: v.state,
    cpuNum: v.cpuNum,
    memorySize: v.memorySize,
    platform: v.platform,
    disks: (v.allVolumes ?? []).map((d) => d.size),
    nics: (v.vmNics ?? []).map((n) => ({ mac: n.mac, network: n.sourceNetworkName ?? '' })),
  };
}

/** A domain's migration url: kvm://<libvirt URI>#<domain uuid>, what CreateV2VTask's sourceVmUuid takes. */
export const kvmKey = (uri: string, d: KvmDomain) => `kvm://${uri}#${d.uuid}`;

export function fromKvm(uri: string, d: KvmDomain): Vm {
  return {
    key: kvmKey(uri, d),
    name: d.name,
    state: d.state,
    cpuNum: d.cpuNum,
    memorySize: d.memorySize,
    disks: (d.disks ?? []).map((x) => x.capacity ?? 0),
    // networkName is what networkMappings and nics[].sourceNetworkName match (libvirt network, else bridge, else device)
    nics: (d.nics ?? []).map((n) => ({ mac: n.mac, network: n.networkName ?? n.network ?? n.bridge ?? '' })),
  };
}

/** The parameters a VM starts from: the suffixed name, the source's CPU and memory (at least MIN_MEMORY_MB). */
export function defaultChoice(v: Vm, suffix: string): VmChoice {
  return {
    name: `${v.name}${suffix}`,
    cpuNum: v.cpuNum || 1,
    memoryMB: clampMemoryMB(Math.round((v.memorySize || 0) / 1048576)),
    platform: v.platform && PLATFORMS.includes(v.platform) ? v.platform : 'Linux',
    nics: Object.fromEntries(v.nics.map((n) => [n.mac, { l3: null, keepMac: true, ipMode: 'auto', ip: '' } as NicChoice])),
  };
}

export const clampMemoryMB = (mb: number | null | undefined) => Math.max(MIN_MEMORY_MB, Math.round(mb ?? MIN_MEMORY_MB));
