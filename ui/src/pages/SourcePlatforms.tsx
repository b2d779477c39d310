import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ApiError, api, errorText } from '../api';
import { bytes, dateTime } from '../format';
import { useLoad, useRunner, validated } from '../hooks';
import { PrivateKeyInput } from '../PrivateKeyInput';
import { selectPlaceholder, termOf, useT } from '../i18n';
import type { ConversionHost } from './ConversionHosts';

export interface VCenter {
  uuid: string;
  name: string;
  domainName: string;
  port: number;
  version?: string;
  state: string;
  status: string;
  zoneUuid: string;
  lastSyncDate?: string;
  lastSyncError?: string;
}

export interface SourceVm {
  uuid: string;
  name: string;
  state: string;
  cpuNum: number;
  memorySize: number;
  clusterUuid: string;
  platform?: string;
  guestOsType?: string;
  vmNics?: { mac: string; sourceNetworkName?: string; deviceId?: number }[];
  allVolumes?: { size: number; type: string; deviceId?: number; actualSize?: number }[];
}

export interface KvmDisk {
  index: number;
  target?: string;
  bus?: string;
  type?: string;
  path?: string;
  format?: string;
  capacity?: number;
  allocation?: number;
  backing?: boolean;
  supported?: boolean;
  unsupportedReason?: string;
}

export interface KvmNic {
  mac: string;
  type?: string;
  bridge?: string;
  network?: string;
  model?: string;
  networkName?: string;
}

/** KvmVmInventory: a libvirt domain as ListVMsFromKVMHost returns it. */
export interface KvmDomain {
  uuid: string;
  name: string;
  state: string; // running, paused, shutoff, other
  cpuNum: number;
  memorySize: number;
  firmware?: string;
  machine?: string;
  virtioReady?: boolean;
  disks?: KvmDisk[];
  nics?: KvmNic[];
}

export const powerColor = (s: string) => (/run|on/i.test(s) ? 'green' : /stop|off/i.test(s) ? 'default' : 'orange');

function AddVCenterDialog({ open, onClose }: { open: boolean; onClose: (changed: boolean) => void }) {
  const t = useT();
  const run = useRunner();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const zones = useLoad(() => api.query<{ uuid: string; name: string }>('/zones'), []);
  return (
    <Modal
      open={open}
      title={t('sources.addVCenter')}
      onCancel={() => onClose(false)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ className: 'dialog-ok' }}
      onOk={async () => {
        const v = await validated(form);
        if (!v) return;
        setBusy(true);
        const r = await run(
          () =>
            api.create('/vcenters', {
              name: v.name,
              description: v.description || undefined,
              domainName: v.domainName,
              port: v.port || undefined,
              https: v.https,
              username: v.username,
              password: v.password,
              zoneUuid: v.zoneUuid,
            }),
          t('common.done'),
        );
        setBusy(false);
        if (r) onClose(true);
      }}
    >
      <Form form={form} name="vcForm" layout="vertical" initialValues={{ https: true }} preserve={false}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('common.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Form.Item name="domainName" label={t('sources.domainName')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="port" label={t('sources.port')}>
            <InputNumber min={1} max={65535} placeholder="443" />
          </Form.Item>
          <Form.Item name="https" label={t('sources.https')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="username" label={t('sources.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('sources.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="zoneUuid" label={t('common.zone')} rules={[{ required: true }]}>
          <Select placeholder={selectPlaceholder(t)} options={(zones.data ?? []).map((z) => ({ value: z.uuid, label: z.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The clusters and VMs of one vCenter, as its last sync stored them. */
function VCenterContent({ vc }: { vc: VCenter }) {
  const t = useT();
  const { data, loading, error } = useLoad(async () => {
    const clusters = await api.query<{ uuid: string; name: string; standalone?: boolean }>('/vcenters/clusters', [`vCenterUuid=${vc.uuid}`]);
    const vms = clusters.length
      ? await api.query<SourceVm>('/vm-instances', ['hypervisorType=ESX', `clusterUuid?=${clusters.map((c) => c.uuid).join(',')}`])
      : [];
    return { clusters, vms };
  }, [vc.uuid, vc.lastSyncDate]);
  const clusterName = (uuid: string) => data?.clusters.find((c) => c.uuid === uuid)?.name ?? uuid;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" title={error} />}
      <Card size="small" title={t('sources.clusters', { name: vc.name })}>
        <Space wrap>
          {(data?.clusters ?? []).map((c) => (
            <Tag key={c.uuid}>{c.name}</Tag>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('sources.vms', { name: vc.name })}>
        <Table<SourceVm>
          rowKey="uuid"
          size="small"
          className="vcenter-vms"
          scroll={{ x: 'max-content' }}
          loading={loading}
          dataSource={data?.vms ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('vm.name'), dataIndex: 'name' },
            { title: t('vm.cluster'), dataIndex: 'clusterUuid', render: clusterName },
            { title: t('vm.power'), dataIndex: 'state', render: (v) => <Tag color={powerColor(v)} className="vm-power">{termOf(t, 'power', v)}</Tag> },
            { title: t('vm.cpu'), dataIndex: 'cpuNum' },
            { title: t('vm.memory'), dataIndex: 'memorySize', render: (v) => bytes(v) },
            {
              title: t('vm.disks'),
              key: 'disks',
              render: (_, r) => (r.allVolumes ?? []).map((d) => bytes(d.size)).join(', ') || '-',
            },
            {
              title: t('vm.nics'),
              key: 'nics',
              render: (_, r) => (r.vmNics ?? []).map((n) => `${n.mac} (${n.sourceNetworkName ?? '-'})`).join(', ') || '-',
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function VCenters() {
  const t = useT();
  const run = useRunner();
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [syncing, setSyncing] = useState<Record<string, string>>({});
  const { data, loading, error, reload } = useLoad(() => api.query<VCenter>('/vcenters', [], { sort: '+createDate' }), [], 10000);
  const current = data?.find((v) => v.uuid === selected) ?? null;

  const sync = async (vc: VCenter) => {
    setSyncing((s) => ({ ...s, [vc.uuid]: t('sources.syncing') }));
    await run(() => api.action(`/vcenters/${vc.uuid}/actions`, 'syncVCenter'), t('sources.synced', { name: vc.name }));
    setSyncing((s) => {
      const n = { ...s };
      delete n[vc.uuid];
      return n;
    });
    reload(true);
  };

  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" className="add-vcenter" onClick={() => setAdding(true)}>
          {t('sources.addVCenter')}
        </Button>
        <Button onClick={() => reload()}>{t('common.refresh')}</Button>
      </Space>
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
      <Table<VCenter>
        rowKey="uuid"
        className="vcenters-table"
          scroll={{ x: 'max-content' }}
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setSelected(r.uuid), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.uuid === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('sources.domainName'), key: 'addr', render: (_, r) => `${r.domainName}:${r.port}` },
          { title: t('sources.version'), dataIndex: 'version', render: (v) => v ?? '-' },
          { title: t('common.state'), dataIndex: 'state', render: (v) => <Tag color={v === 'Enabled' ? 'green' : 'orange'}>{t(`state.${v}`)}</Tag> },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, r) =>
              syncing[r.uuid] ? (
                <Tag color="processing" className="sync-progress">{syncing[r.uuid]}…</Tag>
              ) : (
                <Tag color={r.status === 'Connected' ? 'green' : 'red'}>{r.status}</Tag>
              ),
          },
          { title: t('sources.lastSync'), dataIndex: 'lastSyncDate', render: (v) => dateTime(v) },
          {
            title: t('sources.lastSyncError'),
            dataIndex: 'lastSyncError',
            render: (v) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '-'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size="small" onClick={(e) => e.stopPropagation()}>
                <Button size="small" className="sync-vcenter" loading={!!syncing[r.uuid]} onClick={() => sync(r)}>
                  {t('sources.sync')}
                </Button>
                <Popconfirm
                  placement="topRight"
                  title={t('common.confirmDelete', { name: r.name })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ className: 'confirm-delete' }}
                  onConfirm={async () => {
                    await run(() => api.del(`/vcenters/${r.uuid}`), t('common.done'));
                    reload(true);
                  }}
                >
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        {current ? <VCenterContent vc={current} /> : <Typography.Text type="secondary">{t('sources.pickVCenter')}</Typography.Text>}
      </div>
      {adding && (
        <AddVCenterDialog
          open={adding}
          onClose={(changed) => {
            setAdding(false);
            if (changed) reload(true);
          }}
        />
      )}
    </div>
  );
}

export interface KvmListing {
  inventories: KvmDomain[];
  libvirtVersion?: string;
  qemuVersion?: string;
  v2vCaps?: Record<string, unknown>;
}

/** ListVMsFromKVMHost: POST /v2v through a KVM conversion host. The key is sent for this call only, never kept. */
export async function listKvmVms(conversionHostUuid: string, libvirtURI: string, sshPrivKey?: string): Promise<KvmListing> {
  const key = sshPrivKey && sshPrivKey.trim() ? sshPrivKey.replace(/\r\n/g, '\n').trim() + '\n' : undefined;
  const r = await api.create('/v2v', { conversionHostUuid, libvirtURI: libvirtURI.trim(), sshPrivKey: key });
  return r as KvmListing;
}

/** The last KVM host listed on the source-platform screen (never the key): the wizard starts from it. */
export const lastKvmSource: { chUuid?: string; uri?: string } = {};

/** What went wrong reaching a KVM host, in the reader's language, for V2V.1013 / V2V.1014; null for other errors. */
export function kvmErrorHint(e: unknown, t: (k: string) => string): string | null {
  if (!(e instanceof ApiError)) return null;
  const codes: string[] = [];
  for (let c: any = e.error; c; c = c.cause) if (c.code) codes.push(c.code);
  const text = e.message.toLowerCase();
  if (codes.includes('V2V.1013')) return t('kvm.err.uri');
  if (codes.includes('V2V.1014')) {
    if (/authenticat|permission denied|publickey|ssh key/.test(text)) return t('kvm.err.auth');
    if (/unreachable|no route|timed out|no answer|connection refused/.test(text)) return t('kvm.err.unreachable');
    if (/libvirt.*refused|libvirtd/.test(text)) return t('kvm.err.libvirt');
    return t('kvm.err.other');
  }
  if (/sshPrivKey is required/i.test(e.message)) return t('kvm.err.noKey');
  return null;
}

/** A KVM listing's failure: a headline that says which (key, host, libvirt, URI), then ZStack's own error. */
export function KvmError({ error }: { error: unknown }) {
  const t = useT();
  const hint = kvmErrorHint(error, t);
  return (
    <Alert
      type="error"
      className="kvm-error"
      showIcon
      title={hint ?? t('common.failed')}
      description={<div style={{ whiteSpace: 'pre-wrap' }}>{errorText(error)}</div>}
    />
  );
}

export const kvmStateColor = (s: string) => (s === 'running' ? 'green' : s === 'paused' ? 'orange' : s === 'shutoff' ? 'default' : 'red');

export function KvmState({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={kvmStateColor(state)} className="kvm-state" data-state={state}>
      {t(`kvm.state.${state}`) === `kvm.state.${state}` ? state : t(`kvm.state.${state}`)}
    </Tag>
  );
}

export function KvmDisks({ disks }: { disks?: KvmDisk[] }) {
  const t = useT();
  if (!disks || !disks.length) return <>-</>;
  return (
    <Space orientation="vertical" size={0}>
      {disks.map((d) => (
        <span
          key={`${d.index}-${d.target}`}
          className={`kvm-disk ${d.index === 0 ? 'kvm-disk-root' : 'kvm-disk-data'}${d.supported === false ? ' kvm-disk-unsupported' : ''}`}
        >
          <Tag color={d.index === 0 ? 'blue' : undefined}>{d.index === 0 ? t('kvm.disk.root') : t('kvm.disk.data')}</Tag>
          {[d.target, d.bus, d.format, bytes(d.capacity)].filter(Boolean).join(' · ')}
          {d.allocation !== undefined && d.allocation !== null && (
            <Typography.Text type="secondary">{` (${t('kvm.disk.allocated')} ${bytes(d.allocation)})`}</Typography.Text>
          )}
          {d.backing && <Tag style={{ marginLeft: 4 }}>{t('kvm.disk.backing')}</Tag>}
          {d.supported === false && (
            <Tooltip title={d.path}>
              <Tag color="red" style={{ marginLeft: 4 }}>{t('kvm.disk.unsupported')}</Tag>
              <Typography.Text type="danger" className="kvm-disk-reason">{d.unsupportedReason ?? ''}</Typography.Text>
            </Tooltip>
          )}
        </span>
      ))}
    </Space>
  );
}

export const kvmUnsupported = (d: KvmDomain) => (d.disks ?? []).filter((x) => x.supported === false);

export function KvmDomainTable({
  domains,
  selection,
  rowKey,
  className,
}: {
  domains: KvmDomain[];
  selection?: any;
  rowKey?: (d: KvmDomain) => string;
  className?: string;
}) {
  const t = useT();
  return (
    <Table<KvmDomain>
      rowKey={rowKey ?? 'uuid'}
      size="small"
      className={className ?? 'kvm-vms'}
      scroll={{ x: 'max-content' }}
      dataSource={domains}
      rowSelection={selection}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('vm.name'),
          dataIndex: 'name',
          render: (v, r) => (
            <Space orientation="vertical" size={0}>
              <span className="kvm-name">{v}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.uuid}</Typography.Text>
            </Space>
          ),
        },
        { title: t('vm.power'), dataIndex: 'state', render: (v) => <KvmState state={v} /> },
        { title: t('vm.cpu'), dataIndex: 'cpuNum' },
        { title: t('vm.memory'), dataIndex: 'memorySize', render: (v) => bytes(v) },
        {
          title: t('vm.firmware'),
          key: 'firmware',
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <span>{[r.firmware, r.machine].filter(Boolean).join(' / ') || '-'}</span>
              {r.virtioReady && <Tag color="green">virtio</Tag>}
            </Space>
          ),
        },
        { title: t('vm.disks'), key: 'disks', render: (_, r) => <KvmDisks disks={r.disks} /> },
        {
          title: t('vm.nics'),
          key: 'nics',
          render: (_, r) =>
            (r.nics ?? []).length ? (
              <Space orientation="vertical" size={0}>
                {(r.nics ?? []).map((n) => (
                  <span key={n.mac} className="kvm-nic">
                    <span className="kvm-mac">{n.mac}</span>
                    {` (${[n.networkName ?? n.network ?? n.bridge, n.model].filter(Boolean).join(', ') || '-'})`}
                  </span>
                ))}
              </Space>
            ) : (
              '-'
            ),
        },
      ]}
    />
  );
}

export function KvmVersions({ listing }: { listing: KvmListing }) {
  const t = useT();
  const caps = listing.v2vCaps;
  const capsText =
    caps && typeof caps === 'object'
      ? Object.entries(caps)
          .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join('; ')
      : '-';
  return (
    <Descriptions size="small" column={3} className="kvm-versions">
      <Descriptions.Item label={t('sources.libvirtVersion')}>
        <span className="libvirt-version">{listing.libvirtVersion ?? '-'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sources.qemuVersion')}>
        <span className="qemu-version">{listing.qemuVersion ?? '-'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sources.v2vCaps')}>
        <Typography.Text ellipsis={{ tooltip: capsText }} style={{ maxWidth: 360 }}>
          {capsText || '-'}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The conversion hosts that can list (and migrate from) a KVM host: type KVM, enabled. */
export function useKvmConversionHosts() {
  return useLoad(() => api.query<ConversionHost>('/v2v-conversion-hosts', ['type=KVM'], { sort: '+createDate' }), []);
}

function KvmHosts() {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [listing, setListing] = useState<KvmListing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chs = useKvmConversionHosts();
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('sources.kvm.hint')}</Typography.Paragraph>
      <Form
        form={form}
        name="kvmForm"
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ libvirtURI: lastKvmSource.uri ?? 'qemu+ssh://root@192.168.0.10/system', conversionHostUuid: lastKvmSource.chUuid }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const r = await listKvmVms(v.conversionHostUuid, v.libvirtURI, v.sshPrivKey);
            setListing(r);
            lastKvmSource.chUuid = v.conversionHostUuid;
            lastKvmSource.uri = v.libvirtURI.trim();
          } catch (e) {
            setListing(null);
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="conversionHostUuid"
          label={t('sources.kvm.conversionHost')}
          rules={[{ required: true, message: t('common.select', { field: t('wizard.conversionHost') }) }]}
          extra={!chs.loading && chs.data && !chs.data.length ? t('sources.kvm.noConversionHost') : undefined}
        >
          <Select
            loading={chs.loading}
            options={(chs.data ?? []).map((c) => ({ value: c.uuid, label: c.name, disabled: c.state !== 'Enabled' }))}
          />
        </Form.Item>
        <Form.Item
          name="libvirtURI"
          label={t('sources.libvirtURI')}
          extra={t('sources.libvirtURI.hint')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('sources.libvirtURI') }) }]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="sshPrivKey" label={t('sources.sshPrivKey')} extra={t('sources.sshPrivKey.hint')}>
          <PrivateKeyInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" className="kvm-list" loading={busy}>
          {t('sources.list')}
        </Button>
      </Form>
      {error !== null && (
        <div style={{ marginTop: 16, maxWidth: 960 }}>
          <KvmError error={error} />
        </div>
      )}
      {listing && (
        <Card size="small" style={{ marginTop: 16 }} title={t('sources.kvm.domains', { n: (listing.inventories ?? []).length })}>
          <KvmVersions listing={listing} />
          <KvmDomainTable domains={listing.inventories ?? []} />
        </Card>
      )}
    </div>
  );
}

export default function SourcePlatforms() {
  const t = useT();
  return (
    <Tabs
      items={[
        { key: 'vcenter', label: t('sources.vcenter'), children: <VCenters /> },
        { key: 'kvm', label: t('sources.kvm'), children: <KvmHosts /> },
      ]}
    />
  );
}
