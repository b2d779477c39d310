// The wizard's state in one reducer: every input of the four steps, and typed actions for what one change implies
// (a new platform clears the selection, a new zone clears cluster and storage...).
import type { KvmListing } from '../SourcePlatforms';
import { MAX_VMS, defaultChoice } from './model';
import type { NicChoice, Vm, VmChoice } from './model';

export type PlatformType = 'VMWARE' | 'KVM';
export type AfterMigration = 'Resume' | 'Shutdown';
export type Strategy = 'InstantStart' | 'JustConvert';

export interface WizardState {
  step: number;
  submitting: boolean;
  /** Next was pressed on step 1: its inline errors show from then on. */
  touched: boolean;
  // step 1: source
  platformType: PlatformType;
  taskName: string;
  description: string;
  chUuid?: string;
  vcUuid?: string;
  srcCluster?: string;
  search: string;
  selected: string[];
  kvmUri: string;
  // the private key lives in this state only: sent with the listing and with CreateV2VTask, never stored
  kvmPrivKey: string;
  kvmListing: { uri: string; listing: KvmListing } | null;
  kvmBusy: boolean;
  kvmError: unknown;
  pauseVm: boolean;
  afterMigration: AfterMigration;
  // step 2: target
  zoneUuid?: string;
  clusterUuid?: string;
  psUuid?: string;
  compress: boolean;
  strategy: Strategy;
  // step 3: VM parameters
  choices: Record<string, VmChoice>;
  netMap: Record<string, string | undefined>;
}

/** Fields whose change implies nothing else. */
type PlainField =
  | 'taskName' | 'description' | 'chUuid' | 'srcCluster' | 'search' | 'kvmUri' | 'kvmPrivKey' | 'pauseVm' | 'afterMigration'
  | 'psUuid' | 'compress' | 'strategy' | 'submitting';

export type WizardAction =
  | { [K in PlainField]: { type: 'field'; key: K; value: WizardState[K] } }[PlainField]
  | { type: 'step'; step: number }
  | { type: 'next' }
  | { type: 'platform'; platformType: PlatformType; chUuid?: string }
  | { type: 'vcenter'; vcUuid?: string }
  | { type: 'select'; keys: string[] }
  | { type: 'kvmListing'; busy: true }
  | { type: 'kvmListing'; busy: false; uri: string; listing: KvmListing }
  | { type: 'kvmListing'; busy: false; error: unknown }
  | { type: 'zone'; zoneUuid?: string }
  | { type: 'cluster'; clusterUuid?: string }
  | { type: 'syncChoices'; vms: Vm[]; suffix: string }
  | { type: 'vm'; key: string; patch: Partial<VmChoice> }
  | { type: 'nic'; key: string; mac: string; patch: Partial<NicChoice> }
  | { type: 'netMap'; network: string; l3?: string };

export function initialState(defaults: { taskName: string; kvmUri: string; compress: boolean }): WizardState {
  return {
    step: 0,
    submitting: false,
    touched: false,
    platformType: 'VMWARE',
    taskName: defaults.taskName,
    description: '',
    search: '',
    selected: [],
    kvmUri: defaults.kvmUri,
    kvmPrivKey: '',
    kvmListing: null,
    kvmBusy: false,
    kvmError: null,
    pauseVm: false,
    afterMigration: 'Resume',
    compress: defaults.compress,
    strategy: 'InstantStart',
    choices: {},
    netMap: {},
  };
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case 'field':
      return { ...s, [a.key]: a.value };
    case 'step':
      return { ...s, step: a.step };
    case 'next':
      return { ...s, touched: true };
    case 'platform':
      return { ...s, platformType: a.platformType, selected: [], chUuid: a.chUuid };
    case 'vcenter':
      return { ...s, vcUuid: a.vcUuid, srcCluster: undefined, selected: [] };
    case 'select':
      return { ...s, selected: a.keys.slice(0, MAX_VMS) };
    case 'kvmListing':
      if (a.busy) return { ...s, kvmBusy: true, kvmError: null };
      if ('error' in a) return { ...s, kvmBusy: false, kvmError: a.error };
      {
        // a domain no longer listed drops out of the selection
        const keys = new Set((a.listing.inventories ?? []).map((d) => `kvm://${a.uri}#${d.uuid}`));
        return { ...s, kvmBusy: false, kvmListing: { uri: a.uri, listing: a.listing }, selected: s.selected.filter((k) => keys.has(k)) };
      }
    case 'zone':
      return { ...s, zoneUuid: a.zoneUuid, clusterUuid: undefined, psUuid: undefined };
    case 'cluster':
      return { ...s, clusterUuid: a.clusterUuid, psUuid: undefined };
    case 'syncChoices': {
      // the VM parameters follow the selection; a VM's edits are kept while it stays selected
      const next: Record<string, VmChoice> = {};
      for (const v of a.vms) next[v.key] = s.choices[v.key] ?? defaultChoice(v, a.suffix);
      return { ...s, choices: next };
    }
    case 'vm':
      return { ...s, choices: { ...s.choices, [a.key]: { ...s.choices[a.key], ...a.patch } } };
    case 'nic': {
      const c = s.choices[a.key];
      return { ...s, choices: { ...s.choices, [a.key]: { ...c, nics: { ...c.nics, [a.mac]: { ...c.nics[a.mac], ...a.patch } } } } };
    }
    case 'netMap':
      return { ...s, netMap: { ...s.netMap, [a.network]: a.l3 } };
  }
}

/** Whether the user typed anything the cancel button would throw away. */
export function hasInput(s: WizardState, initial: WizardState): boolean {
  return s.selected.length > 0 || s.description.trim() !== '' || s.taskName !== initial.taskName || !!s.zoneUuid || !!s.chUuid || !!s.vcUuid;
}
