// What the wizard checks before Next and what it sends: pure functions of its state.
import { ipToInt } from '../../format';
import type { L3, Vm } from './model';
import { MAX_VMS } from './model';
import type { WizardState } from './state';

import type { T } from '../../i18n';

/** Step 3's inline validation: every NIC mapped, no MAC twice, fixed IPs valid, in their L3's ranges, not twice. */
export function nicErrors(vms: Vm[], s: WizardState, l3s: L3[], t: T): Record<string, string> {
  const errs: Record<string, string> = {}; // `${vmKey}|${mac}` → message
  const macs = new Map<string, string>();
  const ips = new Map<string, string>();
  const l3Name = (uuid: string) => l3s.find((l) => l.uuid === uuid)?.name ?? uuid;
  for (const v of vms) {
    const c = s.choices[v.key];
    if (!c) continue;
    for (const n of v.nics) {
      const nc = c.nics[n.mac];
      if (!nc) continue;
      const id = `${v.key}|${n.mac}`;
      const l3 = nc.l3 ?? s.netMap[n.network];
      if (!l3) {
        errs[id] = t('wizard.err.unmapped', { vm: v.name, mac: n.mac });
        continue;
      }
      if (nc.keepMac) {
        const other = macs.get(n.mac.toLowerCase());
        if (other) errs[id] = t('wizard.err.dupMac', { mac: n.mac, where: `${other}, ${v.name}` });
        else macs.set(n.mac.toLowerCase(), v.name);
      }
      if (nc.ipMode === 'fixed') {
        const ip = nc.ip.trim();
        const n32 = ipToInt(ip);
        if (n32 === null) {
          errs[id] = t('wizard.err.ipBad', { ip: ip || '""' });
          continue;
        }
        const ranges = l3s.find((l) => l.uuid === l3)?.ipRanges ?? [];
        const inRange = ranges.some((r) => {
          const a = ipToInt(r.startIp);
          const b = ipToInt(r.endIp);
          return a !== null && b !== null && n32 >= a && n32 <= b && ip !== r.gateway;
        });
        if (!inRange) errs[id] = t('wizard.err.ipRange', { ip, l3: l3Name(l3) });
        else if (ips.has(ip)) errs[id] = t('wizard.err.dupIp', { ip });
        else ips.set(ip, v.name);
      }
    }
  }
  return errs;
}

export function nameErrors(vms: Vm[], s: WizardState, t: T): string[] {
  return vms.filter((v) => !s.choices[v.key]?.name?.trim()).map((v) => t('wizard.err.name', { vm: v.name }));
}

/** Running KVM domains are migrated only when the user lets the service pause them. */
export function runningKvmVms(vms: Vm[], s: WizardState): Vm[] {
  return s.platformType === 'KVM' ? vms.filter((v) => v.state === 'running') : [];
}

export function sourceValid(vms: Vm[], s: WizardState): boolean {
  const pauseMissing = runningKvmVms(vms, s).length > 0 && !s.pauseVm;
  const sourceChosen = s.platformType === 'KVM' || (!!s.vcUuid && !!s.srcCluster);
  return s.taskName.trim().length > 0 && !!s.chUuid && sourceChosen && s.selected.length > 0 && s.selected.length <= MAX_VMS && !pauseMissing;
}

/** CreateV2VTask's parameters. */
export function createTaskRequest(s: WizardState, vms: Vm[]) {
  return {
    name: s.taskName.trim(),
    description: s.description.trim() || undefined,
    conversionHostUuid: s.chUuid,
    zoneUuid: s.zoneUuid,
    clusterUuid: s.clusterUuid || undefined,
    primaryStorageUuid: s.psUuid,
    compress: s.compress,
    strategy: s.strategy,
    ...(s.platformType === 'KVM'
      ? {
          sshPrivKey: s.kvmPrivKey.trim() ? s.kvmPrivKey.replace(/\r\n/g, '\n').trim() + '\n' : undefined,
          pauseVm: s.pauseVm || undefined,
          sourceVmAfterMigration: s.pauseVm ? s.afterMigration : undefined,
        }
      : {}),
    vms: vms.map((v) => {
      const c = s.choices[v.key];
      return {
        sourceVmUuid: v.key,
        name: c.name.trim(),
        cpuNum: c.cpuNum,
        memorySize: c.memoryMB * 1048576,
        platform: c.platform,
        nics: v.nics.map((n) => {
          const nc = c.nics[n.mac];
          return {
            sourceMac: n.mac,
            sourceNetworkName: n.network || undefined,
            l3NetworkUuid: nc.l3 ?? s.netMap[n.network],
            keepMac: nc.keepMac,
            ip: nc.ipMode === 'fixed' ? nc.ip.trim() : undefined,
          };
        }),
      };
    }),
    networkMappings: Object.entries(s.netMap)
      .filter(([, l3]) => !!l3)
      .map(([sourceNetworkName, l3NetworkUuid]) => ({ sourceNetworkName, l3NetworkUuid })),
  };
}
