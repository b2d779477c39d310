// Step 3: the network mapping and each VM's parameters (name, CPU, memory, platform, NICs).
import type { Dispatch } from 'react';
import { Alert, Card, Checkbox, Input, InputNumber, Radio, Select, Space, Table, Typography } from 'antd';
import { selectPlaceholder, useT } from '../../i18n';
import { MIN_MEMORY_MB, PLATFORMS, clampMemoryMB } from './model';
import type { WizardAction, WizardState } from './state';
import type { WizardData } from './useWizardData';

export function VmStep({ s, dispatch, data, nicErrors, nameErrors }: {
  s: WizardState; dispatch: Dispatch<WizardAction>; data: WizardData; nicErrors: Record<string, string>; nameErrors: string[];
}) {
  const t = useT();
  const sourceNetworks = Array.from(new Set(data.chosenVms.flatMap((v) => v.nics.map((n) => n.network)))).sort();
  const l3Options = data.l3s.map((l) => ({ value: l.uuid, label: l.name }));
  return (
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
                <Select className="netmap-select" data-network={r.net} style={{ width: 280 }} allowClear placeholder={selectPlaceholder(t)}
                  value={s.netMap[r.net]} onChange={(v) => dispatch({ type: 'netMap', network: r.net, l3: v })} options={l3Options} />
              ),
            },
          ]}
        />
      </Card>
      {data.chosenVms.map((v) => {
        const c = s.choices[v.key];
        if (!c) return null;
        const set = (patch: Partial<typeof c>) => dispatch({ type: 'vm', key: v.key, patch });
        const nic = (mac: string, patch: Partial<(typeof c.nics)[string]>) => dispatch({ type: 'nic', key: v.key, mac, patch });
        return (
          <Card key={v.key} size="small" title={v.name} className="vm-params" data-vm={v.name}>
            <Space wrap style={{ marginBottom: 8 }}>
              <span>{t('wizard.vmName')}</span>
              <Input className="vm-name" style={{ width: 240 }} value={c.name} status={c.name.trim() ? '' : 'error'} onChange={(e) => set({ name: e.target.value })} />
              <span>{t('vm.cpu')}</span>
              <InputNumber className="vm-cpu" min={1} max={1024} precision={0} value={c.cpuNum} onChange={(n) => set({ cpuNum: Math.max(1, n ?? 1) })} />
              <span>{t('wizard.memoryMB')}</span>
              {/* below MIN_MEMORY_MB the field is red and says why while typing; leaving it clamps to the minimum, as the defaults do */}
              <InputNumber className="vm-memory" step={256} precision={0} value={c.memoryMB} status={c.memoryMB < MIN_MEMORY_MB ? 'error' : ''}
                onChange={(n) => set({ memoryMB: n ?? MIN_MEMORY_MB })} onBlur={() => c.memoryMB < MIN_MEMORY_MB && set({ memoryMB: clampMemoryMB(c.memoryMB) })} />
              {c.memoryMB < MIN_MEMORY_MB && (
                <Typography.Text type="danger" className="memory-min" style={{ fontSize: 12 }}>{t('wizard.memory.min', { min: MIN_MEMORY_MB })}</Typography.Text>
              )}
              <span>{t('vm.platform')}</span>
              <Select style={{ width: 180 }} value={c.platform} onChange={(p) => set({ platform: p })}
                options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
            </Space>
            <Table
              rowKey="mac"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={v.nics}
              columns={[
                { title: t('wizard.mac'), dataIndex: 'mac' },
                { title: t('wizard.sourceNetwork'), dataIndex: 'network', render: (n) => n || '-' },
                {
                  title: t('wizard.targetL3'),
                  key: 'l3',
                  render: (_, n) => (
                    <Select style={{ width: 220 }} value={c.nics[n.mac]?.l3 ?? ''} onChange={(l3) => nic(n.mac, { l3: l3 || null })}
                      options={[{ value: '', label: `${t('wizard.followMapping')}${s.netMap[n.network] ? ` (${data.l3Name(s.netMap[n.network])})` : ''}` }, ...l3Options]} />
                  ),
                },
                {
                  title: t('wizard.keepMac'),
                  key: 'keep',
                  render: (_, n) => <Checkbox className="keep-mac" checked={c.nics[n.mac]?.keepMac} onChange={(e) => nic(n.mac, { keepMac: e.target.checked })} />,
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
                          <Radio.Group className="ip-mode" value={nc?.ipMode} onChange={(e) => nic(n.mac, { ipMode: e.target.value })}>
                            <Radio value="auto">{t('wizard.ip.auto')}</Radio>
                            <Radio value="fixed">{t('wizard.ip.fixed')}</Radio>
                          </Radio.Group>
                          {nc?.ipMode === 'fixed' && (
                            <Input className="fixed-ip" style={{ width: 150 }} value={nc.ip} status={err ? 'error' : ''} onChange={(e) => nic(n.mac, { ip: e.target.value })} />
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
}
