import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../api';
import { bytes, dateTime } from '../format';
import { useLoad, useRunner } from '../hooks';
import { useT } from '../i18n';
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

export interface KvmDomain {
  uuid: string;
  name: string;
  state: string;
  cpuNum: number;
  memorySize: number;
  firmware?: string;
  disks?: any[];
  nics?: any[];
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
        const v = await form.validateFields();
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
          <Input />
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
          <Select options={(zones.data ?? []).map((z) => ({ value: z.uuid, label: z.name }))} />
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
          loading={loading}
          dataSource={data?.vms ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('vm.name'), dataIndex: 'name' },
            { title: t('vm.cluster'), dataIndex: 'clusterUuid', render: clusterName },
            { title: t('vm.power'), dataIndex: 'state', render: (v) => <Tag color={powerColor(v)}>{v}</Tag> },
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
  v2vCaps?: unknown;
}

/** ListVMsFromKVMHost: POST /v2v through a conversion host. */
export async function listKvmVms(conversionHostUuid: string, libvirtURI: string, sshPrivKey?: string): Promise<KvmListing> {
  const r = await api.create('/v2v', { conversionHostUuid, libvirtURI, sshPrivKey: sshPrivKey || undefined });
  return r as KvmListing;
}

export function KvmDomainTable({ domains, selection }: { domains: KvmDomain[]; selection?: any }) {
  const t = useT();
  return (
    <Table<KvmDomain>
      rowKey="uuid"
      size="small"
      dataSource={domains}
      rowSelection={selection}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('vm.name'), dataIndex: 'name' },
        { title: t('vm.power'), dataIndex: 'state', render: (v) => <Tag color={powerColor(v)}>{v}</Tag> },
        { title: t('vm.cpu'), dataIndex: 'cpuNum' },
        { title: t('vm.memory'), dataIndex: 'memorySize', render: (v) => bytes(v) },
        { title: t('vm.firmware'), dataIndex: 'firmware', render: (v) => v ?? '-' },
        { title: t('vm.disks'), key: 'disks', render: (_, r) => (r.disks ?? []).length },
        { title: t('vm.nics'), key: 'nics', render: (_, r) => (r.nics ?? []).map((n: any) => n.mac ?? '').join(', ') || '-' },
      ]}
    />
  );
}

function KvmHosts() {
  const t = useT();
  const run = useRunner();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [listing, setListing] = useState<KvmListing | null>(null);
  const chs = useLoad(() => api.query<ConversionHost>('/v2v-conversion-hosts', ['state=Enabled']), []);
  useEffect(() => setListing(null), []);
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('sources.kvm.hint')}</Typography.Paragraph>
      <Form
        form={form}
        name="kvmForm"
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ libvirtURI: 'qemu+ssh://root@192.168.0.10/system' }}
        onFinish={async (v) => {
          setBusy(true);
          const r = await run(() => listKvmVms(v.conversionHostUuid, v.libvirtURI, v.sshPrivKey));
          setBusy(false);
          if (r) setListing(r);
        }}
      >
        <Form.Item name="conversionHostUuid" label={t('wizard.conversionHost')} rules={[{ required: true }]}>
          <Select options={(chs.data ?? []).map((c) => ({ value: c.uuid, label: `${c.name} (${t(`hosts.type.${c.type}`)})` }))} />
        </Form.Item>
        <Form.Item name="libvirtURI" label={t('sources.libvirtURI')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sshPrivKey" label={t('sources.sshPrivKey')}>
          <Input.TextArea rows={3} placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('sources.list')}
        </Button>
      </Form>
      {listing && (
        <div style={{ marginTop: 16 }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('sources.libvirtVersion')}>{listing.libvirtVersion ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('sources.qemuVersion')}>{listing.qemuVersion ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('sources.v2vCaps')}>
              {listing.v2vCaps === undefined ? '-' : typeof listing.v2vCaps === 'string' ? listing.v2vCaps : JSON.stringify(listing.v2vCaps)}
            </Descriptions.Item>
          </Descriptions>
          <KvmDomainTable domains={listing.inventories ?? []} />
        </div>
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
