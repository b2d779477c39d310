import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Progress, Radio, Select, Space, Steps, Table, Tag, Typography,
} from 'antd';
import { api } from '../api';
import { bytes, ipToInt } from '../format';
import { useLoad, useRunner } from '../hooks';
import { PrivateKeyInput } from '../PrivateKeyInput';
import { useT } from '../i18n';
import type { ConversionHost } from './ConversionHosts';
import {
  KvmDomain, KvmDomainTable, KvmError, KvmVersions, KvmListing, SourceVm, VCenter, kvmUnsupported, lastKvmSource, listKvmVms, powerColor,
} from './SourcePlatforms';

const MAX_VMS = 50;
const PLATFORMS = ['Linux', 'Windows', 'WindowsVirtio', 'Paravirtualization', 'Other'];

/** A source VM in the wizard, VMware or KVM alike. */
interface Vm {
  key: string; // sourceVmUuid as CreateV2VTask takes it
  name: string;
  state: string;
  cpuNum: number;
  memorySize: number;
  platform?: string;
  disks: number[]; // sizes
  nics: { mac: string; network: string }[];
}

interface NicChoice {
  l3: string | null; // null: follow the network mapping
  keepMac: boolean;
  ipMode: 'auto' | 'fixed';
  ip: string;
}

interface VmChoice {
  name: string;
  cpuNum: number;
  memoryMB: number;
  platform: string;
  nics: Record<string, NicChoice>; // by source MAC
}

interface IpRange { startIp: string; endIp: string; gateway?: string }
interface L3 { uuid: string; name: string; ipRanges?: IpRange[]; l2NetworkUuid: string }
interface Host { uuid: string; clusterUuid: string; cpuNum?: number; totalMemoryCapacity?: number; availableMemoryCapacity?: number }
interface PS { uuid: string; name: string; totalCapacity?: number; availableCapacity?: number; attachedClusterUuids?: string[]; zoneUuid: string }

function fromEsx(v: SourceVm): Vm {
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
const kvmKey = (uri: string, d: KvmDomain) => `kvm://${uri}#${d.uuid}`;

function fromKvm(uri: string, d: KvmDomain): Vm {
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

function Usage({ label, used, total, fmt, testId }: { label: string; used: number; total: number; fmt: (n: number) => string; testId: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((used * 100) / total)) : 0;
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={pct} status={used > total ? 'exception' : 'normal'} showInfo={false} />
      <Typography.Text type={used > total ? 'danger' : undefined}>{`${fmt(used)} / ${fmt(total)}`}</Typography.Text>
    </div>
  );
}

export default function Wizard({ onClose }: { onClose: () => void }) {
  const t = useT();
  const run = useRunner();
  const [step, setStep] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  // step 1: source
  const [platformType, setPlatformType] = useState<'VMWARE' | 'KVM'>('VMWARE');
  const [taskName, setTaskName] = useState('');
  const [description, setDescription] = useState('');
  const [chUuid, setChUuid] = useState<string | undefined>();
  const [vcUuid, setVcUuid] = useState<string | undefined>();
  const [srcCluster, setSrcCluster] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [kvmUri, setKvmUri] = useState(lastKvmSource.uri ?? 'qemu+ssh://root@192.168.0.10/system');
  // the private key lives in this component's state only: sent with the listing and with CreateV2VTask, never stored
  const [kvmPrivKey, setKvmPrivKey] = useState('');
  const [kvmListing, setKvmListing] = useState<{ uri: string; listing: KvmListing } | null>(null);
  const [kvmBusy, setKvmListingBusy] = useState(false);
  const [kvmError, setKvmError] = useState<unknown>(null);
  const [pauseVm, setPauseVm] = useState(false);
  const [afterMigration, setAfterMigration] = useState<'Resume' | 'Shutdown'>('Resume');
  const [touched, setTouched] = useState(false);

  // step 2: target
  const [zoneUuid, setZoneUuid] = useState<string | undefined>();
  const [clusterUuid, setClusterUuid] = useState<string | undefined>();
  const [psUuid, setPsUuid] = useState<string | undefined>();
  const [compress, setCompress] = useState<boolean>(true);
  const [strategy, setStrategy] = useState<'InstantStart' | 'JustConvert'>('InstantStart');

  // step 3: VM parameters
  const [choices, setChoices] = useState<Record<string, VmChoice>>({});
  const [netMap, setNetMap] = useState<Record<string, string | undefined>>({});

  const base = useLoad(async () => {
    const [chs, vcs, zones, suffix, compressCfg] = await Promise.all([
      api.query<ConversionHost>('/v2v-conversion-hosts'),
      api.query<VCenter>('/vcenters'),
      api.query<{ uuid: string; name: string }>('/zones'),
      api.query<{ value: string }>('/global-configurations', ['category=v2v', 'name=targetVmNameSuffix']),
      api.query<{ value: string }>('/global-configurations', ['category=v2v', 'name=compress']),
    ]);
    return { chs, vcs, zones, suffix: suffix[0]?.value ?? '-迁移', compress: compressCfg[0]?.value };
  }, []);
  useEffect(() => {
    if (base.data?.compress !== undefined) setCompress(base.data.compress === 'true');
  }, [base.data?.compress]);

  const srcClusters = useLoad(
    async () => (vcUuid ? api.query<{ uuid: string; name: string }>('/vcenters/clusters', [`vCenterUuid=${vcUuid}`]) : []),
    [vcUuid],
  );
  const esxVms = useLoad(async () => {
    if (!vcUuid) return [] as Vm[];
    const clusters = srcCluster ? [srcCluster] : (srcClusters.data ?? []).map((c) => c.uuid);
    if (!clusters.length) return [] as Vm[];
    const vms = await api.query<SourceVm>('/vm-instances', ['hypervisorType=ESX', `clusterUuid?=${clusters.join(',')}`]);
    return vms.map(fromEsx).sort((a, b) => a.name.localeCompare(b.name));
  }, [vcUuid, srcCluster, srcClusters.data]);

  const target = useLoad(async () => {
    if (!zoneUuid) return null;
    const [clusters, hosts, pss, l3s] = await Promise.all([
      api.query<{ uuid: string; name: string }>('/clusters', [`zoneUuid=${zoneUuid}`, 'hypervisorType=KVM']),
      api.query<Host>('/hosts', [`zoneUuid=${zoneUuid}`, 'hypervisorType=KVM']),
      api.query<PS>('/primary-storage', [`zoneUuid=${zoneUuid}`]),
      api.query<L3>('/l3-networks', [`zoneUuid=${zoneUuid}`]),
    ]);
    return { clusters, hosts, pss, l3s };
  }, [zoneUuid]);

  const kvmDomains = kvmListing?.listing.inventories ?? [];
  const kvmVms = useMemo(() => (kvmListing ? kvmDomains.map((d) => fromKvm(kvmListing.uri, d)) : []), [kvmListing]); // eslint-disable-line react-hooks/exhaustive-deps
  const allVms = platformType === 'VMWARE' ? esxVms.data ?? [] : kvmVms;
  const chosenVms = useMemo(() => selected.map((k) => allVms.find((v) => v.key === k)).filter((v): v is Vm => !!v), [selected, allVms]);
  const chs = (base.data?.chs ?? []).filter((c) => c.type === platformType);
  const ch = chs.find((c) => c.uuid === chUuid);
  const vc = (base.data?.vcs ?? []).find((v) => v.uuid === vcUuid);

  // the VM parameters start from the source VMs (defaults: suffix, same CPU and memory)
  useEffect(() => {
    setChoices((prev) => {
      const next: Record<string, VmChoice> = {};
      for (const v of chosenVms) {
        next[v.key] = prev[v.key] ?? {
          name: `${v.name}${base.data?.suffix ?? '-迁移'}`,
          cpuNum: v.cpuNum || 1,
          memoryMB: Math.max(1, Math.round((v.memorySize || 0) / 1048576)),
          platform: v.platform && PLATFORMS.includes(v.platform) ? v.platform : 'Linux',
          nics: Object.fromEntries(v.nics.map((n) => [n.mac, { l3: null, keepMac: true, ipMode: 'auto', ip: '' } as NicChoice])),
        };
      }
      return next;
    });
  }, [chosenVms, base.data?.suffix]);

  const sourceNetworks = useMemo(() => Array.from(new Set(chosenVms.flatMap((v) => v.nics.map((n) => n.network)))).sort(), [chosenVms]);
  const l3s = target.data?.l3s ?? [];
  const l3Name = (uuid?: string | null) => l3s.find((l) => l.uuid === uuid)?.name ?? uuid ?? '';

  // capacity of the chosen target (the cluster's hosts; the whole zone when no cluster is chosen)
  const tHosts = (target.data?.hosts ?? []).filter((h) => !clusterUuid || h.clusterUuid === clusterUuid);
  const cpuTotal = tHosts.reduce((s, h) => s + (h.cpuNum ?? 0), 0);
  const memTotal = tHosts.reduce((s, h) => s + (h.availableMemoryCapacity ?? h.totalMemoryCapacity ?? 0), 0);
  const pss = (target.data?.pss ?? []).filter((p) => !clusterUuid || (p.attachedClusterUuids ?? []).includes(clusterUuid));
  const ps = pss.find((p) => p.uuid === psUuid);
  const cpuNeed = chosenVms.reduce((s, v) => s + (choices[v.key]?.cpuNum ?? v.cpuNum), 0);
  const memNeed = chosenVms.reduce((s, v) => s + (choices[v.key] ? choices[v.key].memoryMB * 1048576 : v.memorySize), 0);
  const diskNeed = chosenVms.reduce((s, v) => s + v.disks.reduce((a, b) => a + (b || 0), 0), 0);

  // step 3's inline validation: every NIC mapped, no MAC twice, fixed IPs valid, in their L3's ranges, not twice
  const nicErrors = useMemo(() => {
    const errs: Record<string, string> = {}; // `${vmKey}|${mac}` → message
    const macs = new Map<string, string>();
    const ips = new Map<string, string>();
    for (const v of chosenVms) {
      const c = choices[v.key];
      if (!c) continue;
      for (const n of v.nics) {
        const nc = c.nics[n.mac];
        if (!nc) continue;
        const id = `${v.key}|${n.mac}`;
        const l3 = nc.l3 ?? netMap[n.network];
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
  }, [chosenVms, choices, netMap, l3s, t]);

  const nameErrors = chosenVms.filter((v) => !choices[v.key]?.name?.trim()).map((v) => t('wizard.err.name', { vm: v.name }));

  const runningChosen = platformType === 'KVM' ? chosenVms.filter((v) => v.state === 'running') : [];
  const pauseMissing = runningChosen.length > 0 && !pauseVm;
  const stepValid = [
    taskName.trim().length > 0 && !!chUuid && selected.length > 0 && selected.length <= MAX_VMS && !pauseMissing,
    !!zoneUuid && !!psUuid,
    Object.keys(nicErrors).length === 0 && nameErrors.length === 0,
    true,
  ];

  const setVm = (key: string, patch: Partial<VmChoice>) => setChoices((c) => ({ ...c, [key]: { ...c[key], ...patch } }));
  const setNic = (key: string, mac: string, patch: Partial<NicChoice>) =>
    setChoices((c) => ({ ...c, [key]: { ...c[key], nics: { ...c[key].nics, [mac]: { ...c[key].nics[mac], ...patch } } } }));

  const request = () => ({
    name: taskName.trim(),
    description: description.trim() || undefined,
    conversionHostUuid: chUuid,
    zoneUuid,
    clusterUuid: clusterUuid || undefined,
    primaryStorageUuid: psUuid,
    compress,
    strategy,
    ...(platformType === 'KVM'
      ? {
          sshPrivKey: kvmPrivKey.trim() ? kvmPrivKey.replace(/\r\n/g, '\n').trim() + '\n' : undefined,
          pauseVm: pauseVm || undefined,
          sourceVmAfterMigration: pauseVm ? afterMigration : undefined,
        }
      : {}),
    vms: chosenVms.map((v) => {
      const c = choices[v.key];
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
            l3NetworkUuid: nc.l3 ?? netMap[n.network],
            keepMac: nc.keepMac,
            ip: nc.ipMode === 'fixed' ? nc.ip.trim() : undefined,
          };
        }),
      };
    }),
    networkMappings: Object.entries(netMap)
      .filter(([, l3]) => !!l3)
      .map(([sourceNetworkName, l3NetworkUuid]) => ({ sourceNetworkName, l3NetworkUuid })),
  });

  const submit = async () => {
    setSubmitting(true);
    const r = await run(() => api.create('/v2v-tasks', request()));
    setSubmitting(false);
    if (r) {
      onClose();
    }
  };

  const filtered = allVms.filter((v) => !search || v.name.toLowerCase().includes(search.toLowerCase()));

  const stepSource = (
    <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 18 }}>
      <Form.Item label={t('wizard.platformType')} required>
        <Radio.Group
          value={platformType}
          onChange={(e) => {
            setPlatformType(e.target.value);
            setSelected([]);
            setChUuid(e.target.value === 'KVM' ? lastKvmSource.chUuid : undefined);
          }}
        >
          <Radio.Button value="VMWARE">{t('wizard.platform.VMWARE')}</Radio.Button>
          <Radio.Button value="KVM">{t('wizard.platform.KVM')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('tasks.name')} required validateStatus={touched && !taskName.trim() ? 'error' : ''}
        help={touched && !taskName.trim() ? t('common.required', { field: t('tasks.name') }) : undefined}>
        <Input id="wizard_name" value={taskName} maxLength={255} onChange={(e) => setTaskName(e.target.value)} />
      </Form.Item>
      <Form.Item label={t('common.description')}>
        <Input.TextArea id="wizard_description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Form.Item>
      <Form.Item label={t('wizard.conversionHost')} required>
        <Select
          id="wizard_ch"
          value={chUuid}
          onChange={setChUuid}
          options={chs.map((c) => ({ value: c.uuid, label: c.name, disabled: c.state !== 'Enabled' }))}
        />
      </Form.Item>
      {platformType === 'VMWARE' ? (
        <>
          <Form.Item label={t('wizard.vcenter')} required>
            <Select
              id="wizard_vc"
              value={vcUuid}
              onChange={(v) => {
                setVcUuid(v);
                setSrcCluster(undefined);
                setSelected([]);
              }}
              options={(base.data?.vcs ?? []).map((v) => ({ value: v.uuid, label: v.name }))}
            />
          </Form.Item>
          <Form.Item label={t('wizard.sourceCluster')}>
            <Select
              id="wizard_srcCluster"
              allowClear
              value={srcCluster}
              onChange={setSrcCluster}
              options={(srcClusters.data ?? []).map((c) => ({ value: c.uuid, label: c.name }))}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label={t('sources.libvirtURI')} required extra={t('sources.libvirtURI.hint')}>
            <Input id="wizard_kvmUri" autoComplete="off" spellCheck={false} value={kvmUri} onChange={(e) => setKvmUri(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('sources.sshPrivKey')} extra={t('sources.sshPrivKey.hint')}>
            <PrivateKeyInput id="wizard_kvmKey" rows={3} value={kvmPrivKey} onChange={(e) => setKvmPrivKey(e.target.value)} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                className="wizard-kvm-list"
                disabled={!chUuid || !kvmUri.trim()}
                loading={kvmBusy}
                onClick={async () => {
                  const uri = kvmUri.trim();
                  setKvmListingBusy(true);
                  setKvmError(null);
                  try {
                    const listing = await listKvmVms(chUuid!, uri, kvmPrivKey);
                    setKvmListing({ uri, listing });
                    const keys = new Set((listing.inventories ?? []).map((d) => kvmKey(uri, d)));
                    setSelected((sel) => sel.filter((k) => keys.has(k)));
                  } catch (e) {
                    setKvmError(e);
                  } finally {
                    setKvmListingBusy(false);
                  }
                }}
              >
                {t('wizard.kvm.list')}
              </Button>
              {kvmError !== null && <KvmError error={kvmError} />}
              {kvmListing && <KvmVersions listing={kvmListing.listing} />}
            </Space>
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('wizard.sourceVms')}
        required
        validateStatus={touched && selected.length === 0 ? 'error' : ''}
        help={touched && selected.length === 0 ? t('wizard.pickVms') : undefined}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Input.Search id="wizard_search" placeholder={t('wizard.searchVm')} allowClear value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
            <Tag color={selected.length > MAX_VMS ? 'red' : 'blue'}>{t('wizard.selected', { n: selected.length, max: MAX_VMS })}</Tag>
          </Space>
          {platformType === 'VMWARE' ? (
            <Table<Vm>
              rowKey="key"
              size="small"
              className="wizard-vms"
              loading={esxVms.loading}
              dataSource={filtered}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              rowSelection={{
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected((keys as string[]).slice(0, MAX_VMS)),
                getCheckboxProps: (r) => ({ disabled: !selected.includes(r.key) && selected.length >= MAX_VMS, name: r.name }),
              }}
              columns={[
                { title: t('vm.name'), dataIndex: 'name' },
                { title: t('vm.power'), dataIndex: 'state', render: (v) => <Tag color={powerColor(v)}>{v}</Tag> },
                { title: t('vm.cpu'), dataIndex: 'cpuNum' },
                { title: t('vm.memory'), dataIndex: 'memorySize', render: (v) => bytes(v) },
                { title: t('vm.disks'), key: 'disks', render: (_, r) => r.disks.map((d) => bytes(d)).join(', ') || '-' },
              ]}
            />
          ) : (
            <KvmDomainTable
              className="wizard-kvm-vms"
              domains={kvmDomains.filter((d) => !search || d.name.toLowerCase().includes(search.toLowerCase()))}
              rowKey={(d) => kvmKey(kvmListing!.uri, d)}
              selection={{
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys: string[]) => setSelected(keys.slice(0, MAX_VMS)),
                // a domain with a disk the migration cannot read (network storage...) cannot be picked
                getCheckboxProps: (d: KvmDomain) => ({
                  disabled: kvmUnsupported(d).length > 0 || (!selected.includes(kvmKey(kvmListing!.uri, d)) && selected.length >= MAX_VMS),
                  name: d.name,
                }),
              }}
            />
          )}
          {platformType === 'KVM' && (
            <Card size="small" className="kvm-pause" title={t('wizard.kvm.pauseTitle')}>
              <Space orientation="vertical">
                {runningChosen.length > 0 && (
                  <Alert
                    type={pauseVm ? 'info' : 'warning'}
                    showIcon
                    className="kvm-running"
                    title={t('wizard.kvm.running', { vms: runningChosen.map((v) => v.name).join(', ') })}
                  />
                )}
                <Checkbox id="wizard_pauseVm" checked={pauseVm} onChange={(e) => setPauseVm(e.target.checked)}>
                  {t('wizard.kvm.pauseVm')}
                </Checkbox>
                {pauseVm && (
                  <Radio.Group className="kvm-after" value={afterMigration} onChange={(e) => setAfterMigration(e.target.value)}>
                    <Radio value="Resume">{t('wizard.kvm.after.Resume')}</Radio>
                    <Radio value="Shutdown">{t('wizard.kvm.after.Shutdown')}</Radio>
                  </Radio.Group>
                )}
                {pauseMissing && touched && <Typography.Text type="danger" className="pause-error">{t('wizard.kvm.pauseNeeded')}</Typography.Text>}
              </Space>
            </Card>
          )}
          {selected.length >= MAX_VMS && <Typography.Text type="warning">{t('wizard.max', { max: MAX_VMS })}</Typography.Text>}
        </Space>
      </Form.Item>
    </Form>
  );

  const stepTarget = (
    <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 14 }}>
      <Form.Item label={t('common.zone')} required>
        <Select
          id="wizard_zone"
          value={zoneUuid}
          onChange={(z) => {
            setZoneUuid(z);
            setClusterUuid(undefined);
            setPsUuid(undefined);
          }}
          options={(base.data?.zones ?? []).map((z) => ({ value: z.uuid, label: z.name }))}
        />
      </Form.Item>
      <Form.Item label={t('wizard.targetCluster')}>
        <Select
          id="wizard_cluster"
          allowClear
          value={clusterUuid}
          onChange={(c) => {
            setClusterUuid(c);
            setPsUuid(undefined);
          }}
          options={(target.data?.clusters ?? []).map((c) => ({ value: c.uuid, label: c.name }))}
        />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
        <Usage label={t('wizard.cpuUse')} used={cpuNeed} total={cpuTotal} fmt={(n) => String(n)} testId="cpu-use" />
        <Usage label={t('wizard.memUse')} used={memNeed} total={memTotal} fmt={bytes} testId="mem-use" />
      </Form.Item>
      <Form.Item label={t('wizard.primaryStorage')} required>
        <Select
          id="wizard_ps"
          value={psUuid}
          onChange={setPsUuid}
          options={pss.map((p) => ({ value: p.uuid, label: `${p.name} (${bytes(p.availableCapacity)} / ${bytes(p.totalCapacity)})` }))}
        />
      </Form.Item>
      {ps && (
        <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
          <Usage label={t('wizard.psUse')} used={diskNeed} total={ps.availableCapacity ?? 0} fmt={bytes} testId="ps-use" />
        </Form.Item>
      )}
      <Form.Item label={t('wizard.compress')}>
        <Radio.Group value={compress} onChange={(e) => setCompress(e.target.value)}>
          <Radio value={true}>{t('wizard.compress.on')}</Radio>
          <Radio value={false}>{t('wizard.compress.off')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('wizard.strategy')}>
        <Radio.Group value={strategy} onChange={(e) => setStrategy(e.target.value)}>
          <Radio value="InstantStart">{t('wizard.strategy.InstantStart')}</Radio>
          <Radio value="JustConvert">{t('wizard.strategy.JustConvert')}</Radio>
        </Radio.Group>
      </Form.Item>
    </Form>
  );

  const l3Options = l3s.map((l) => ({ value: l.uuid, label: l.name }));
  const stepVm = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('wizard.networkMapping')}>
        <Table
          rowKey="net"
          size="small"
          className="network-mapping"
          pagination={false}
          dataSource={sourceNetworks.map((n) => ({ net: n }))}
          columns={[
            { title: t('wizard.sourceNetwork'), dataIndex: 'net', render: (v) => v || '-' },
            {
              title: t('wizard.targetL3'),
              key: 'l3',
              render: (_, r: { net: string }) => (
                <Select
                  className="netmap-select"
                  data-network={r.net}
                  style={{ width: 280 }}
                  allowClear
                  value={netMap[r.net]}
                  onChange={(v) => setNetMap((m) => ({ ...m, [r.net]: v }))}
                  options={l3Options}
                />
              ),
            },
          ]}
        />
      </Card>
      {chosenVms.map((v) => {
        const c = choices[v.key];
        if (!c) return null;
        return (
          <Card key={v.key} size="small" title={v.name} className="vm-params" data-vm={v.name}>
            <Space wrap style={{ marginBottom: 8 }}>
              <span>{t('wizard.vmName')}</span>
              <Input className="vm-name" style={{ width: 240 }} value={c.name} status={c.name.trim() ? '' : 'error'} onChange={(e) => setVm(v.key, { name: e.target.value })} />
              <span>{t('vm.cpu')}</span>
              <InputNumber className="vm-cpu" min={1} max={1024} value={c.cpuNum} onChange={(n) => setVm(v.key, { cpuNum: n ?? 1 })} />
              <span>{t('wizard.memoryMB')}</span>
              <InputNumber className="vm-memory" min={64} step={256} value={c.memoryMB} onChange={(n) => setVm(v.key, { memoryMB: n ?? 64 })} />
              <span>{t('vm.platform')}</span>
              <Select style={{ width: 180 }} value={c.platform} onChange={(p) => setVm(v.key, { platform: p })}
                options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
            </Space>
            <Table
              rowKey="mac"
              size="small"
              pagination={false}
              dataSource={v.nics}
              columns={[
                { title: t('wizard.mac'), dataIndex: 'mac' },
                { title: t('wizard.sourceNetwork'), dataIndex: 'network', render: (n) => n || '-' },
                {
                  title: t('wizard.targetL3'),
                  key: 'l3',
                  render: (_, n) => (
                    <Select
                      style={{ width: 220 }}
                      value={c.nics[n.mac]?.l3 ?? ''}
                      onChange={(l3) => setNic(v.key, n.mac, { l3: l3 || null })}
                      options={[{ value: '', label: `${t('wizard.followMapping')}${netMap[n.network] ? ` (${l3Name(netMap[n.network])})` : ''}` }, ...l3Options]}
                    />
                  ),
                },
                {
                  title: t('wizard.keepMac'),
                  key: 'keep',
                  render: (_, n) => <Checkbox className="keep-mac" checked={c.nics[n.mac]?.keepMac} onChange={(e) => setNic(v.key, n.mac, { keepMac: e.target.checked })} />,
                },
                {
                  title: t('wizard.ipMode'),
                  key: 'ip',
                  render: (_, n) => {
                    const nc = c.nics[n.mac];
                    const err = nicErrors[`${v.key}|${n.mac}`];
                    return (
                      <Space orientation="vertical" size={2}>
                        <Space>
                          <Radio.Group className="ip-mode" value={nc?.ipMode} onChange={(e) => setNic(v.key, n.mac, { ipMode: e.target.value })}>
                            <Radio value="auto">{t('wizard.ip.auto')}</Radio>
                            <Radio value="fixed">{t('wizard.ip.fixed')}</Radio>
                          </Radio.Group>
                          {nc?.ipMode === 'fixed' && (
                            <Input className="fixed-ip" style={{ width: 150 }} value={nc.ip} status={err ? 'error' : ''} onChange={(e) => setNic(v.key, n.mac, { ip: e.target.value })} />
                          )}
                        </Space>
                        {err && <Typography.Text type="danger" className="nic-error">{err}</Typography.Text>}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        );
      })}
      {nameErrors.map((e) => (
        <Alert key={e} type="error" title={e} />
      ))}
    </Space>
  );

  const zoneName = (base.data?.zones ?? []).find((z) => z.uuid === zoneUuid)?.name;
  const clusterName = (target.data?.clusters ?? []).find((c) => c.uuid === clusterUuid)?.name;
  const stepConfirm = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2} title={t('wizard.summary')} className="wizard-summary">
        <Descriptions.Item label={t('tasks.name')}>{taskName}</Descriptions.Item>
        <Descriptions.Item label={t('common.description')}>{description || '-'}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.platformType')}>{t(`wizard.platform.${platformType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.sourcePlatform')}>{platformType === 'VMWARE' ? vc?.name ?? '-' : kvmUri}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.conversionHost')}>{ch?.name}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.vmCount')}>{chosenVms.length}</Descriptions.Item>
        <Descriptions.Item label={t('common.zone')}>{zoneName}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.targetCluster')}>{clusterName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.primaryStorage')}>{ps?.name}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.compress')}>{compress ? t('wizard.compress.on') : t('wizard.compress.off')}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.strategy')}>{t(`wizard.strategy.${strategy}`)}</Descriptions.Item>
        {platformType === 'KVM' && (
          <Descriptions.Item label={t('wizard.kvm.pauseTitle')}>
            {pauseVm ? `${t('wizard.kvm.pauseVm')}, ${t(`wizard.kvm.after.${afterMigration}`)}` : t('common.none')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('wizard.networkMapping')}>
          {Object.entries(netMap).filter(([, l]) => l).map(([n, l]) => `${n} → ${l3Name(l)}`).join('; ') || '-'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={chosenVms}
        columns={[
          { title: t('tasks.sourceVm'), dataIndex: 'name' },
          { title: t('tasks.targetVm'), key: 'target', render: (_, v: Vm) => choices[v.key]?.name },
          { title: t('vm.cpu'), key: 'cpu', render: (_, v: Vm) => choices[v.key]?.cpuNum },
          { title: t('vm.memory'), key: 'mem', render: (_, v: Vm) => bytes((choices[v.key]?.memoryMB ?? 0) * 1048576) },
          { title: t('vm.platform'), key: 'platform', render: (_, v: Vm) => t(`platform.${choices[v.key]?.platform}`) },
          {
            title: t('vm.nics'),
            key: 'nics',
            render: (_, v: Vm) =>
              v.nics
                .map((n) => {
                  const nc = choices[v.key]?.nics[n.mac];
                  const l3 = nc?.l3 ?? netMap[n.network];
                  const ip = nc?.ipMode === 'fixed' ? nc.ip : t('wizard.ip.auto');
                  return `${n.mac} → ${l3Name(l3)} (${ip}${nc?.keepMac ? `, ${t('wizard.keepMac')}` : ''})`;
                })
                .join('; '),
          },
        ]}
      />
    </Space>
  );

  const steps = [stepSource, stepTarget, stepVm, stepConfirm];
  return (
    <Card title={t('wizard.title')} className="wizard">
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('wizard.step.source') },
          { title: t('wizard.step.target') },
          { title: t('wizard.step.vm') },
          { title: t('wizard.step.confirm') },
        ]}
      />
      {base.error && <Alert type="error" title={base.error} style={{ marginBottom: 16 }} />}
      <div className={`wizard-step wizard-step-${step}`}>{steps[step]}</div>
      <Space style={{ marginTop: 24 }}>
        <Button className="wizard-cancel" onClick={onClose}>
          {t('wizard.cancel')}
        </Button>
        {step > 0 && (
          <Button className="wizard-prev" onClick={() => setStep(step - 1)}>
            {t('wizard.prev')}
          </Button>
        )}
        {step < 3 ? (
          <Button
            type="primary"
            className="wizard-next"
            disabled={step > 0 && !stepValid[step]}
            onClick={() => {
              setTouched(true);
              if (stepValid[step]) setStep(step + 1);
            }}
          >
            {t('wizard.next')}
          </Button>
        ) : (
          <Button type="primary" className="wizard-submit" loading={submitting} onClick={submit}>
            {t('wizard.submit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
