// Step 1: the source platform, the conversion host and the source VMs.
import type { Dispatch } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { bytes } from '../../format';
import { PrivateKeyInput } from '../../PrivateKeyInput';
import { selectPlaceholder, termOf, useT } from '../../i18n';
import { KvmDomainTable, KvmError, KvmVersions, kvmUnsupported, lastKvmSource, listKvmVms, powerColor } from '../SourcePlatforms';
import type { KvmDomain } from '../SourcePlatforms';
import { runningKvmVms } from './checks';
import { MAX_VMS, kvmKey } from './model';
import type { Vm } from './model';
import type { WizardAction, WizardState } from './state';
import type { WizardData } from './useWizardData';

export function SourceStep({ s, dispatch, data }: { s: WizardState; dispatch: Dispatch<WizardAction>; data: WizardData }) {
  const t = useT();
  const chs = (data.base.data?.chs ?? []).filter((c) => c.type === s.platformType);
  const running = runningKvmVms(data.chosenVms, s);
  const pauseMissing = running.length > 0 && !s.pauseVm;
  const match = (name: string) => !s.search || name.toLowerCase().includes(s.search.toLowerCase());
  // once Next was pressed, what is missing says so: "请输入…" for a text field, "请选择…" for a select
  const required = (missing: boolean, field: string, select = true) =>
    s.touched && missing ? { validateStatus: 'error' as const, help: t(select ? 'common.select' : 'common.required', { field }) } : {};
  const kvmListing = s.kvmListing;
  const list = async () => {
    const uri = s.kvmUri.trim();
    dispatch({ type: 'kvmListing', busy: true });
    try {
      dispatch({ type: 'kvmListing', busy: false, uri, listing: await listKvmVms(s.chUuid!, uri, s.kvmPrivKey) });
    } catch (e) {
      dispatch({ type: 'kvmListing', busy: false, error: e });
    }
  };
  return (
    <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 18 }}>
      <Form.Item label={t('wizard.platformType')} required tooltip={t('wizard.platformType.help')}>
        <Radio.Group
          value={s.platformType}
          onChange={(e) => dispatch({ type: 'platform', platformType: e.target.value, chUuid: e.target.value === 'KVM' ? lastKvmSource.chUuid : undefined })}
        >
          <Radio.Button value="VMWARE">{t('wizard.platform.VMWARE')}</Radio.Button>
          <Radio.Button value="KVM">{t('wizard.platform.KVM')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('tasks.name')} required {...required(!s.taskName.trim(), t('tasks.name'), false)}>
        <Input id="wizard_name" autoFocus value={s.taskName} maxLength={255} onChange={(e) => dispatch({ type: 'field', key: 'taskName', value: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('common.description')}>
        <Input.TextArea id="wizard_description" rows={2} value={s.description} onChange={(e) => dispatch({ type: 'field', key: 'description', value: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('wizard.conversionHost')} required {...required(!s.chUuid, t('wizard.conversionHost'))}
        extra={data.base.data && chs.length === 0 ? t('wizard.noConversionHost') : undefined}>
        <Select
          id="wizard_ch"
          placeholder={selectPlaceholder(t)}
          value={s.chUuid}
          onChange={(v) => dispatch({ type: 'field', key: 'chUuid', value: v })}
          options={chs.map((c) => ({ value: c.uuid, label: c.name, disabled: c.state !== 'Enabled' }))}
        />
      </Form.Item>
      {s.platformType === 'VMWARE' ? (
        <>
          <Form.Item label={t('wizard.vcenter')} required {...required(!s.vcUuid, t('wizard.vcenter'))}
            extra={data.base.data && data.base.data.vcs.length === 0 ? t('wizard.noVCenter') : undefined}>
            <Select
              id="wizard_vc"
              placeholder={selectPlaceholder(t)}
              value={s.vcUuid}
              onChange={(v) => dispatch({ type: 'vcenter', vcUuid: v })}
              options={(data.base.data?.vcs ?? []).map((v) => ({ value: v.uuid, label: v.name }))}
            />
          </Form.Item>
          <Form.Item label={t('wizard.sourceCluster')} required {...required(!s.srcCluster, t('wizard.sourceCluster'))}>
            <Select
              id="wizard_srcCluster"
              placeholder={selectPlaceholder(t)}
              value={s.srcCluster}
              onChange={(v) => dispatch({ type: 'field', key: 'srcCluster', value: v })}
              options={(data.srcClusters.data ?? []).map((c) => ({ value: c.uuid, label: c.name }))}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label={t('sources.libvirtURI')} required extra={t('sources.libvirtURI.hint')}>
            <Input id="wizard_kvmUri" autoComplete="off" spellCheck={false} value={s.kvmUri} onChange={(e) => dispatch({ type: 'field', key: 'kvmUri', value: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('sources.sshPrivKey')} extra={t('sources.sshPrivKey.hint')}>
            <PrivateKeyInput id="wizard_kvmKey" rows={3} value={s.kvmPrivKey} onChange={(e) => dispatch({ type: 'field', key: 'kvmPrivKey', value: e.target.value })} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button className="wizard-kvm-list" disabled={!s.chUuid || !s.kvmUri.trim()} loading={s.kvmBusy} onClick={list}>
                {t('wizard.kvm.list')}
              </Button>
              {s.kvmError !== null && <KvmError error={s.kvmError} />}
              {kvmListing && <KvmVersions listing={kvmListing.listing} />}
            </Space>
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('wizard.sourceVms')}
        required
        validateStatus={s.touched && s.selected.length === 0 ? 'error' : ''}
        help={s.touched && s.selected.length === 0 ? t('wizard.pickVms') : undefined}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Input.Search id="wizard_search" placeholder={t('wizard.searchVm')} allowClear value={s.search}
              onChange={(e) => dispatch({ type: 'field', key: 'search', value: e.target.value })} style={{ width: 260 }} />
            <Tag color={s.selected.length > MAX_VMS ? 'red' : 'blue'}>{t('wizard.selected', { n: s.selected.length, max: MAX_VMS })}</Tag>
          </Space>
          {s.platformType === 'VMWARE' ? (
            <Table<Vm>
              rowKey="key"
              size="small"
              className="wizard-vms"
              loading={data.esxVms.loading}
              dataSource={data.allVms.filter((v) => match(v.name))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              rowSelection={{
                selectedRowKeys: s.selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => dispatch({ type: 'select', keys: keys as string[] }),
                getCheckboxProps: (r) => ({ disabled: !s.selected.includes(r.key) && s.selected.length >= MAX_VMS, name: r.name }),
              }}
              columns={[
                { title: t('vm.name'), dataIndex: 'name' },
                { title: t('vm.power'), dataIndex: 'state', render: (v) => <Tag color={powerColor(v)} className="vm-power">{termOf(t, 'power', v)}</Tag> },
                { title: t('vm.cpu'), dataIndex: 'cpuNum' },
                { title: t('vm.memory'), dataIndex: 'memorySize', render: (v) => bytes(v) },
                { title: t('vm.disks'), key: 'disks', render: (_, r) => r.disks.map((d) => bytes(d)).join(', ') || '-' },
              ]}
            />
          ) : (
            <KvmDomainTable
              className="wizard-kvm-vms"
              domains={(kvmListing?.listing.inventories ?? []).filter((d) => match(d.name))}
              rowKey={(d) => kvmKey(kvmListing!.uri, d)}
              selection={{
                selectedRowKeys: s.selected,
                preserveSelectedRowKeys: true,
                onChange: (keys: string[]) => dispatch({ type: 'select', keys }),
                // a domain with a disk the migration cannot read (network storage...) cannot be picked
                getCheckboxProps: (d: KvmDomain) => ({
                  disabled: kvmUnsupported(d).length > 0 || (!s.selected.includes(kvmKey(kvmListing!.uri, d)) && s.selected.length >= MAX_VMS),
                  name: d.name,
                }),
              }}
            />
          )}
          {s.platformType === 'KVM' && (
            <Card size="small" className="kvm-pause" title={t('wizard.kvm.pauseTitle')}>
              <Space orientation="vertical">
                {running.length > 0 && (
                  <Alert type={s.pauseVm ? 'info' : 'warning'} showIcon className="kvm-running"
                    title={t('wizard.kvm.running', { vms: running.map((v) => v.name).join(', ') })} />
                )}
                <Checkbox id="wizard_pauseVm" checked={s.pauseVm} onChange={(e) => dispatch({ type: 'field', key: 'pauseVm', value: e.target.checked })}>
                  {t('wizard.kvm.pauseVm')}
                </Checkbox>
                {s.pauseVm && (
                  <Radio.Group className="kvm-after" value={s.afterMigration} onChange={(e) => dispatch({ type: 'field', key: 'afterMigration', value: e.target.value })}>
                    <Radio value="Resume">{t('wizard.kvm.after.Resume')}</Radio>
                    <Radio value="Shutdown">{t('wizard.kvm.after.Shutdown')}</Radio>
                  </Radio.Group>
                )}
                {pauseMissing && s.touched && <Typography.Text type="danger" className="pause-error">{t('wizard.kvm.pauseNeeded')}</Typography.Text>}
              </Space>
            </Card>
          )}
          {s.selected.length >= MAX_VMS && <Typography.Text type="warning">{t('wizard.max', { max: MAX_VMS })}</Typography.Text>}
        </Space>
      </Form.Item>
    </Form>
  );
}
