// Step 2: where the VMs go (zone, cluster, primary storage) and how (compression, what happens after conversion).
import type { Dispatch } from 'react';
import { Form, Radio, Select, Typography } from 'antd';
import { bytes } from '../../format';
import { selectPlaceholder, useT } from '../../i18n';
import { Usage } from './Usage';
import type { UsageLevel } from './Usage';
import type { WizardAction, WizardState } from './state';
import type { WizardData } from './useWizardData';

export function TargetStep({ s, dispatch, data }: { s: WizardState; dispatch: Dispatch<WizardAction>; data: WizardData }) {
  const t = useT();
  const vms = data.chosenVms;
  const cpuOf = (key: string, dflt: number) => s.choices[key]?.cpuNum ?? dflt;
  const cpuNeed = vms.reduce((n, v) => n + cpuOf(v.key, v.cpuNum), 0);
  const memNeed = vms.reduce((n, v) => n + (s.choices[v.key] ? s.choices[v.key].memoryMB * 1048576 : v.memorySize), 0);
  const diskNeed = vms.reduce((n, v) => n + v.disks.reduce((a, b) => a + (b || 0), 0), 0);
  // ZStack places each VM on one host and overcommits CPU: the sum of the hosts' threads is a guide (warning when
  // exceeded), a VM with more vCPUs than the largest host has threads cannot start anywhere (error)
  const cpuThreads = data.hosts.reduce((n, h) => n + (h.cpuNum ?? 0), 0);
  const largestHost = data.hosts.reduce((n, h) => Math.max(n, h.cpuNum ?? 0), 0);
  const tooBig = vms.filter((v) => cpuOf(v.key, v.cpuNum) > largestHost);
  const cpuLevel: UsageLevel = tooBig.length > 0 ? 'error' : cpuNeed > cpuThreads ? 'warning' : 'ok';
  const memFree = data.hosts.reduce((n, h) => n + (h.availableMemoryCapacity ?? h.totalMemoryCapacity ?? 0), 0);
  const ps = data.pss.find((p) => p.uuid === s.psUuid);
  const scope = s.clusterUuid
    ? t('wizard.scope.cluster', { name: (data.target.data?.clusters ?? []).find((c) => c.uuid === s.clusterUuid)?.name ?? '' })
    : t('wizard.scope.zone');
  const estimated = !!s.zoneUuid && !!data.target.data;
  return (
    <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 14 }}>
      <Form.Item label={t('common.zone')} required>
        <Select id="wizard_zone" placeholder={selectPlaceholder(t)} value={s.zoneUuid} onChange={(z) => dispatch({ type: 'zone', zoneUuid: z })}
          options={(data.base.data?.zones ?? []).map((z) => ({ value: z.uuid, label: z.name }))} />
      </Form.Item>
      <Form.Item label={t('wizard.targetCluster')} extra={t('wizard.targetCluster.hint')}>
        <Select id="wizard_cluster" placeholder={selectPlaceholder(t)} allowClear value={s.clusterUuid} onChange={(c) => dispatch({ type: 'cluster', clusterUuid: c })}
          options={(data.target.data?.clusters ?? []).map((c) => ({ value: c.uuid, label: c.name }))} />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
        {estimated ? (
          <>
            <Usage label={t('wizard.cpuUse')} used={cpuNeed} total={cpuThreads} fmt={(n) => String(n)} testId="cpu-use" level={cpuLevel}
              explain={
                tooBig.length > 0
                  ? t('wizard.cpu.tooBig', { vms: tooBig.map((v) => v.name).join(', '), max: largestHost })
                  : t('wizard.cpu.explain', { scope, hosts: data.hosts.length, threads: cpuThreads, max: largestHost })
              } />
            <Usage label={t('wizard.memUse')} used={memNeed} total={memFree} fmt={bytes} testId="mem-use" level={memNeed > memFree ? 'error' : 'ok'}
              explain={t('wizard.mem.explain', { scope, hosts: data.hosts.length })} />
          </>
        ) : (
          <Typography.Text type="secondary" className="estimate-pending">{t('wizard.estimate.pending')}</Typography.Text>
        )}
      </Form.Item>
      <Form.Item label={t('wizard.primaryStorage')} required>
        <Select id="wizard_ps" placeholder={selectPlaceholder(t)} value={s.psUuid} onChange={(p) => dispatch({ type: 'field', key: 'psUuid', value: p })}
          options={data.pss.map((p) => ({ value: p.uuid, label: `${p.name} (${bytes(p.availableCapacity)} / ${bytes(p.totalCapacity)})` }))} />
      </Form.Item>
      {ps && (
        <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
          <Usage label={t('wizard.psUse')} used={diskNeed} total={ps.availableCapacity ?? 0} fmt={bytes} testId="ps-use"
            level={diskNeed > (ps.availableCapacity ?? 0) ? 'error' : 'ok'} />
        </Form.Item>
      )}
      <Form.Item label={t('wizard.compress')}>
        <Radio.Group value={s.compress} onChange={(e) => dispatch({ type: 'field', key: 'compress', value: e.target.value })}>
          <Radio value={true}>{t('wizard.compress.on')}</Radio>
          <Radio value={false}>{t('wizard.compress.off')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('wizard.strategy')}>
        <Radio.Group value={s.strategy} onChange={(e) => dispatch({ type: 'field', key: 'strategy', value: e.target.value })}>
          <Radio value="InstantStart">{t('wizard.strategy.InstantStart')}</Radio>
          <Radio value="JustConvert">{t('wizard.strategy.JustConvert')}</Radio>
        </Radio.Group>
      </Form.Item>
    </Form>
  );
}
