// Step 4: everything the task will be created with, by name.
import { Descriptions, Space, Table } from 'antd';
import { bytes } from '../../format';
import { useT } from '../../i18n';
import type { Vm } from './model';
import type { WizardState } from './state';
import type { WizardData } from './useWizardData';

export function ConfirmStep({ s, data }: { s: WizardState; data: WizardData }) {
  const t = useT();
  const vc = (data.base.data?.vcs ?? []).find((v) => v.uuid === s.vcUuid);
  const ch = (data.base.data?.chs ?? []).find((c) => c.uuid === s.chUuid);
  const zoneName = (data.base.data?.zones ?? []).find((z) => z.uuid === s.zoneUuid)?.name;
  const clusterName = (data.target.data?.clusters ?? []).find((c) => c.uuid === s.clusterUuid)?.name;
  const srcClusterName = (data.srcClusters.data ?? []).find((c) => c.uuid === s.srcCluster)?.name;
  const ps = data.pss.find((p) => p.uuid === s.psUuid);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2} title={t('wizard.summary')} className="wizard-summary">
        <Descriptions.Item label={t('tasks.name')}>{s.taskName}</Descriptions.Item>
        <Descriptions.Item label={t('common.description')}>{s.description || '-'}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.platformType')}>{t(`wizard.platform.${s.platformType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.sourcePlatform')}>
          {s.platformType === 'VMWARE' ? `${vc?.name ?? '-'}${srcClusterName ? ` / ${srcClusterName}` : ''}` : s.kvmUri}
        </Descriptions.Item>
        <Descriptions.Item label={t('wizard.conversionHost')}>{ch?.name}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.vmCount')}>{data.chosenVms.length}</Descriptions.Item>
        <Descriptions.Item label={t('common.zone')}>{zoneName}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.targetCluster')}>{clusterName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.primaryStorage')}>{ps?.name}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.compress')}>{s.compress ? t('wizard.compress.on') : t('wizard.compress.off')}</Descriptions.Item>
        <Descriptions.Item label={t('wizard.strategy')}>{t(`wizard.strategy.${s.strategy}`)}</Descriptions.Item>
        {s.platformType === 'KVM' && (
          <Descriptions.Item label={t('wizard.kvm.pauseTitle')}>
            {s.pauseVm ? `${t('wizard.kvm.pauseVm')}, ${t(`wizard.kvm.after.${s.afterMigration}`)}` : t('common.none')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('wizard.networkMapping')}>
          {Object.entries(s.netMap).filter(([, l]) => l).map(([n, l]) => `${n} → ${data.l3Name(l)}`).join('; ') || '-'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.chosenVms}
        columns={[
          { title: t('tasks.sourceVm'), dataIndex: 'name' },
          { title: t('tasks.targetVm'), key: 'target', render: (_, v: Vm) => s.choices[v.key]?.name },
          { title: t('vm.cpu'), key: 'cpu', render: (_, v: Vm) => s.choices[v.key]?.cpuNum },
          { title: t('vm.memory'), key: 'mem', render: (_, v: Vm) => bytes((s.choices[v.key]?.memoryMB ?? 0) * 1048576) },
          { title: t('vm.platform'), key: 'platform', render: (_, v: Vm) => t(`platform.${s.choices[v.key]?.platform}`) },
          {
            title: t('vm.nics'),
            key: 'nics',
            render: (_, v: Vm) =>
              v.nics
                .map((n) => {
                  const nc = s.choices[v.key]?.nics[n.mac];
                  const l3 = nc?.l3 ?? s.netMap[n.network];
                  const ip = nc?.ipMode === 'fixed' ? nc.ip : t('wizard.ip.auto');
                  return `${n.mac} → ${data.l3Name(l3)} (${ip}${nc?.keepMac ? `, ${t('wizard.keepMac')}` : ''})`;
                })
                .join('; '),
          },
        ]}
      />
    </Space>
  );
}
