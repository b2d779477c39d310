// The task wizard's shell: the steps bar, the current step and the buttons. Each step is its own file under
// wizard/; all of the wizard's input is one reducer (wizard/state.ts).
import { useEffect, useMemo, useReducer } from 'react';
import { Alert, App, Button, Card, Space, Steps } from 'antd';
import { api } from '../api';
import { useRunner } from '../hooks';
import { useT } from '../i18n';
import { lastKvmSource } from './SourcePlatforms';
import { createTaskRequest, nameErrors as checkNames, nicErrors as checkNics, sourceValid } from './wizard/checks';
import { ConfirmStep } from './wizard/ConfirmStep';
import { MIN_MEMORY_MB } from './wizard/model';
import { SourceStep } from './wizard/SourceStep';
import { hasInput, initialState, wizardReducer } from './wizard/state';
import { TargetStep } from './wizard/TargetStep';
import { DEFAULT_SUFFIX, useWizardData } from './wizard/useWizardData';
import { VmStep } from './wizard/VmStep';

const STEPS = ['source', 'target', 'vm', 'confirm'] as const;

export default function Wizard({ onClose }: { onClose: () => void }) {
  const t = useT();
  const run = useRunner();
  const { modal, message } = App.useApp();
  const initial = useMemo(
    () => initialState({ taskName: t('wizard.defaultName'), kvmUri: lastKvmSource.uri ?? 'qemu+ssh://root@192.168.0.10/system', compress: true }),
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [s, dispatch] = useReducer(wizardReducer, initial);
  const data = useWizardData(s);
  const base = data.base.data;

  // the node's compress setting is the default, once it is known
  useEffect(() => {
    if (base?.compress !== undefined) dispatch({ type: 'field', key: 'compress', value: base.compress === 'true' });
  }, [base?.compress]);
  // a vCenter with a single cluster: that cluster
  const srcClusters = data.srcClusters.data;
  useEffect(() => {
    if (s.vcUuid && !s.srcCluster && srcClusters?.length === 1) dispatch({ type: 'field', key: 'srcCluster', value: srcClusters[0].uuid });
  }, [s.vcUuid, s.srcCluster, srcClusters]);
  // the VM parameters follow the selection
  useEffect(() => dispatch({ type: 'syncChoices', vms: data.chosenVms, suffix: base?.suffix ?? DEFAULT_SUFFIX }), [data.chosenVms, base?.suffix]);

  const nicErrors = useMemo(() => checkNics(data.chosenVms, s, data.l3s, t), [data.chosenVms, s, data.l3s, t]);
  const nameErrors = checkNames(data.chosenVms, s, t);
  const stepValid = [
    sourceValid(data.chosenVms, s),
    !!s.zoneUuid && !!s.psUuid,
    Object.keys(nicErrors).length === 0 && nameErrors.length === 0 && data.chosenVms.every((v) => (s.choices[v.key]?.memoryMB ?? 0) >= MIN_MEMORY_MB),
    true,
  ];

  const submit = async () => {
    dispatch({ type: 'field', key: 'submitting', value: true });
    const r = await run(() => api.create('/v2v-tasks', createTaskRequest(s, data.chosenVms)));
    dispatch({ type: 'field', key: 'submitting', value: false });
    if (r) {
      message.success({ content: t('wizard.submitted', { name: s.taskName.trim(), n: data.chosenVms.length }), className: 'wizard-submitted' });
      onClose();
    }
  };
  const cancel = () => {
    if (!hasInput(s, initial)) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('wizard.cancel.confirm'),
      okText: t('wizard.cancel.discard'),
      cancelText: t('wizard.cancel.keep'),
      okButtonProps: { className: 'confirm-discard', danger: true },
      onOk: onClose,
    });
  };

  return (
    <Card title={t('wizard.title')} className="wizard">
      <Steps current={s.step} style={{ marginBottom: 24 }} items={STEPS.map((k) => ({ title: t(`wizard.step.${k}`) }))} />
      {data.base.error && <Alert type="error" title={data.base.error} style={{ marginBottom: 16 }} />}
      <div className={`wizard-step wizard-step-${s.step}`}>
        {s.step === 0 && <SourceStep s={s} dispatch={dispatch} data={data} />}
        {s.step === 1 && <TargetStep s={s} dispatch={dispatch} data={data} />}
        {s.step === 2 && <VmStep s={s} dispatch={dispatch} data={data} nicErrors={nicErrors} nameErrors={nameErrors} />}
        {s.step === 3 && <ConfirmStep s={s} data={data} />}
      </div>
      <Space style={{ marginTop: 24 }}>
        <Button className="wizard-cancel" onClick={cancel}>
          {t('wizard.cancel')}
        </Button>
        {s.step > 0 && (
          <Button className="wizard-prev" onClick={() => dispatch({ type: 'step', step: s.step - 1 })}>
            {t('wizard.prev')}
          </Button>
        )}
        {s.step < 3 ? (
          <Button
            type="primary"
            className="wizard-next"
            disabled={s.step > 0 && !stepValid[s.step]}
            onClick={() => {
              dispatch({ type: 'next' });
              if (stepValid[s.step]) dispatch({ type: 'step', step: s.step + 1 });
            }}
          >
            {t('wizard.next')}
          </Button>
        ) : (
          <Button type="primary" className="wizard-submit" loading={s.submitting} onClick={submit}>
            {t('wizard.submit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
