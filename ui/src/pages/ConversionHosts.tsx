import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Select, Space, Table, Tag, Tooltip } from 'antd';
import { api } from '../api';
import { bandwidth, bytes, fromBytesPerSecond, isCidr, toBytesPerSecond } from '../format';
import { useLoad, useRunner, validated } from '../hooks';
import { selectPlaceholder, termOf, useT } from '../i18n';

export interface ConversionHost {
  uuid: string;
  name: string;
  description?: string;
  type: 'VMWARE' | 'KVM';
  hostUuid: string;
  storagePath: string;
  state: string;
  totalSize?: number;
  availableSize?: number;
  hostStatus?: string;
  hostState?: string;
  uploadBandwidth?: number;
  downloadBandwidth?: number;
  conversionNetworkCidr?: string;
}

interface Host {
  uuid: string;
  name: string;
  managementIp: string;
  clusterUuid: string;
  status: string;
}

type Unit = 'Mbps' | 'Gbps';

function BandwidthInput({ name, label }: { name: string; label: string }) {
  const t = useT();
  return (
    <Form.Item label={label}>
      <Space.Compact>
        <Form.Item name={[name, 'value']} noStyle>
          <InputNumber min={1} placeholder={t('hosts.unlimited')} style={{ width: 180 }} id={`bw_${name}`} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select style={{ width: 90 }} options={[{ value: 'Mbps' }, { value: 'Gbps' }]} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** The system tags the API takes for the bandwidths (bytes/s) and the migration network. */
function tagsOf(v: any): string[] {
  const tags: string[] = [];
  const up = toBytesPerSecond(v.upload?.value, v.upload?.unit as Unit);
  const down = toBytesPerSecond(v.download?.value, v.download?.unit as Unit);
  if (up) tags.push(`v2v::upload::bandwidth::${up}`);
  if (down) tags.push(`v2v::download::bandwidth::${down}`);
  if (v.cidr && v.cidr.trim()) tags.push(`conversion::network::cidr::${v.cidr.trim()}`);
  return tags;
}

function HostDialog({ editing, hosts, onClose }: { editing: ConversionHost | null | 'new'; hosts: Host[]; onClose: (changed: boolean) => void }) {
  const t = useT();
  const run = useRunner();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const isNew = editing === 'new';
  const current = isNew ? null : editing;
  const initial = current
    ? {
        name: current.name,
        description: current.description,
        type: current.type,
        hostUuid: current.hostUuid,
        storagePath: current.storagePath,
        upload: fromBytesPerSecond(current.uploadBandwidth),
        download: fromBytesPerSecond(current.downloadBandwidth),
        cidr: current.conversionNetworkCidr,
      }
    : { type: 'VMWARE', storagePath: '/tmp/', upload: { unit: 'Mbps' }, download: { unit: 'Mbps' } };

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    const r = await run(async () => {
      if (isNew) {
        return api.create(
          '/v2v-conversion-hosts',
          { name: v.name, description: v.description || undefined, type: v.type, hostUuid: v.hostUuid, storagePath: v.storagePath },
          tagsOf(v),
        );
      }
      const tags = tagsOf(v);
      return api.action(`/v2v-conversion-hosts/${current!.uuid}/actions`, 'updateV2VConversionHost', {
        name: v.name,
        description: v.description ?? '',
        storagePath: v.storagePath,
        ...(tags.length ? { systemTags: tags } : {}),
      });
    }, t('common.done'));
    setBusy(false);
    if (r) onClose(true);
  };

  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('hosts.add') : t('hosts.edit')}
      onCancel={() => onClose(false)}
      onOk={submit}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
      okButtonProps={{ className: 'dialog-ok' }}
    >
      <Form form={form} name="hostForm" layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required', { field: t('common.name') }) }, { max: 255 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('common.description')} rules={[{ max: 2048 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="type" label={t('hosts.type')} tooltip={t('hosts.type.help')} rules={[{ required: true }]}>
          <Radio.Group disabled={!isNew}>
            <Radio.Button value="VMWARE">{t('hosts.type.VMWARE')}</Radio.Button>
            <Radio.Button value="KVM">{t('hosts.type.KVM')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="hostUuid" label={t('hosts.host')} rules={[{ required: true, message: t('common.select', { field: t('hosts.host') }) }]}>
          <Select
            disabled={!isNew}
            placeholder={selectPlaceholder(t)}
            showSearch={{ optionFilterProp: 'label' }}
            options={hosts.map((h) => ({ value: h.uuid, label: `${h.name} (${h.managementIp})` }))}
          />
        </Form.Item>
        <Form.Item
          name="storagePath"
          label={t('hosts.storagePath')}
          rules={[
            { required: true, message: t('common.required', { field: t('hosts.storagePath') }) },
            { pattern: /^\//, message: t('hosts.storagePath.absolute') },
            { max: 2048 },
          ]}
        >
          <Input />
        </Form.Item>
        <BandwidthInput name="upload" label={t('hosts.upload')} />
        <BandwidthInput name="download" label={t('hosts.download')} />
        <Form.Item
          name="cidr"
          label={t('hosts.cidr')}
          rules={[{ validator: async (_, v) => { if (v && !isCidr(v)) throw new Error(t('hosts.cidr.invalid')); } }]}
        >
          <Input placeholder="192.168.0.0/24" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ConversionHosts() {
  const t = useT();
  const run = useRunner();
  const [editing, setEditing] = useState<ConversionHost | null | 'new'>(null);
  const { data, loading, error, reload } = useLoad(async () => {
    const [chs, hosts] = await Promise.all([
      api.query<ConversionHost>('/v2v-conversion-hosts', [], { sort: '+createDate' }),
      api.query<Host>('/hosts', ['hypervisorType=KVM']),
    ]);
    return { chs, hosts };
  }, [], 10000);
  const hosts = data?.hosts ?? [];
  const hostOf = (uuid: string) => hosts.find((h) => h.uuid === uuid);

  const act = async (f: () => Promise<unknown>) => {
    await run(f, t('common.done'));
    reload(true);
  };

  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" className="add-host" onClick={() => setEditing('new')}>
          {t('hosts.add')}
        </Button>
        <Button onClick={() => reload()}>{t('common.refresh')}</Button>
      </Space>
      {error && <Alert type="error" title={error} style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} />}
      <Table<ConversionHost>
        rowKey="uuid"
        className="hosts-table"
        scroll={{ x: 'max-content' }}
        loading={loading}
        dataSource={data?.chs ?? []}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('hosts.type'), dataIndex: 'type', render: (v) => t(`hosts.type.${v}`) },
          {
            title: t('hosts.host'),
            dataIndex: 'hostUuid',
            render: (v) => {
              const h = hostOf(v);
              return h ? `${h.name} (${h.managementIp})` : v;
            },
          },
          {
            title: t('hosts.hostStatus'),
            dataIndex: 'hostStatus',
            render: (v) => <Tag color={v === 'Connected' ? 'green' : v === 'Disconnected' ? 'red' : 'default'} className="host-status">{termOf(t, 'hostStatus', v)}</Tag>,
          },
          { title: t('hosts.storagePath'), dataIndex: 'storagePath' },
          {
            title: t('hosts.capacity'),
            key: 'capacity',
            width: 200,
            render: (_, r) => {
              const total = r.totalSize ?? 0;
              const used = total - (r.availableSize ?? 0);
              return (
                <Tooltip title={`${bytes(used)} / ${bytes(total)}`}>
                  <Progress percent={total ? Math.round((used * 100) / total) : 0} size="small" showInfo={false} />
                  <span style={{ fontSize: 12 }}>{`${bytes(used)} / ${bytes(total)}`}</span>
                </Tooltip>
              );
            },
          },
          {
            title: t('hosts.bandwidth'),
            key: 'bw',
            render: (_, r) => `${bandwidth(r.uploadBandwidth, t('hosts.unlimited'))} / ${bandwidth(r.downloadBandwidth, t('hosts.unlimited'))}`,
          },
          { title: t('hosts.cidr'), dataIndex: 'conversionNetworkCidr', render: (v) => v ?? '-' },
          {
            title: t('common.state'),
            dataIndex: 'state',
            render: (v) => <Tag color={v === 'Enabled' ? 'green' : 'orange'}>{t(`state.${v}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  onClick={() =>
                    act(() =>
                      api.action(`/v2v-conversion-hosts/${r.uuid}/actions`, 'changeV2VConversionHostState', {
                        stateEvent: r.state === 'Enabled' ? 'disable' : 'enable',
                      }),
                    )
                  }
                >
                  {r.state === 'Enabled' ? t('common.disable') : t('common.enable')}
                </Button>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  placement="topRight"
                  title={t('hosts.cleanCache.confirm', { name: r.name })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act(() => api.action(`/v2v/conversion/host/${r.uuid}/actions`, 'cleanV2VConversionCache'))}
                >
                  <Button size="small">{t('hosts.cleanCache')}</Button>
                </Popconfirm>
                <Popconfirm
                  placement="topRight"
                  title={t('common.confirmDelete', { name: r.name })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ className: 'confirm-delete' }}
                  onConfirm={() => act(() => api.del(`/v2v-conversion-hosts/${r.uuid}`))}
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
      {editing !== null && (
        <HostDialog
          editing={editing}
          hosts={hosts}
          onClose={(changed) => {
            setEditing(null);
            if (changed) reload(true);
          }}
        />
      )}
    </div>
  );
}
