import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api';
import { bytes, dateTime, duration, parseDate } from '../format';
import { useLoad, useRunner } from '../hooks';
import { termOf, useT } from '../i18n';
import type { T } from '../i18n';
import type { ConversionHost } from './ConversionHosts';

interface Job {
  uuid: string;
  taskUuid: string;
  conversionHostUuid: string;
  sourceUrl?: string;
  sourceVmUuid?: string;
  sourceVmName?: string;
  targetVmUuid?: string;
  targetVmName?: string;
  state: string;
  phase?: string;
  progress?: number;
  bytesTransferred?: number;
  logPath?: string;
  phaseTimes?: Record<string, number>;
  startDate?: string;
  endDate?: string;
  duration?: number;
  error?: string;
  createDate?: string;
}

interface Task {
  uuid: string;
  name: string;
  conversionHostUuid: string;
  createDate: string;
  jobs: Job[];
}

interface Row extends Job {
  task: Task;
  /** "<task name>-<n>": the job's number in its task, from 1, in the order CreateV2VTask listed the VMs. */
  jobName: string;
}

/** A Running job in phase "queued" waits for a free slot on its conversion host: the console says Queued. */
const shownState = (j: Job) => (j.state === 'Running' && j.phase === 'queued' ? 'Queued' : j.state);

function jobRows(tasks: Task[]): Row[] {
  return tasks.flatMap((task) => {
    const created = (j: Job) => parseDate(j.createDate)?.getTime() ?? 0;
    const jobs = [...(task.jobs ?? [])].sort((a, b) => created(a) - created(b));
    const number = new Map(jobs.map((j, i) => [j.uuid, i + 1]));
    return (task.jobs ?? []).map((j) => ({ ...j, task, jobName: `${task.name}-${number.get(j.uuid)}` }));
  });
}

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

const ENDED = ['Succeeded', 'Failed', 'Canceled'];
const stateColor: Record<string, string> = {
  Waiting: 'default',
  Queued: 'default',
  Suspended: 'orange',
  Running: 'processing',
  Succeeded: 'success',
  Canceling: 'warning',
  Canceled: 'default',
  Failed: 'error',
};

function phaseName(t: T, p?: string): string {
  return p === 'queued' ? t('job.Queued') : termOf(t, 'phase', p);
}

function platformOf(url?: string): string {
  if (!url) return '-';
  if (url.startsWith('vmware://')) return 'VMware';
  if (url.startsWith('kvm://')) return 'KVM';
  return url.split('://')[0];
}

/** A failed job's error as a chain: ZStack joins causes with ", because " or ": "; one line per link. */
function errorChain(e: string): string[] {
  return e
    .split(/(?:,\s*because\s+|;\s+caused by:?\s+|\n)/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

function JobDetail({ row, chs, onClose }: { row: Row | null; chs: ConversionHost[]; onClose: () => void }) {
  const t = useT();
  if (!row) return null;
  const phases = Object.entries(row.phaseTimes ?? {});
  return (
    <Drawer open title={`${t('detail.title')}: ${row.sourceVmName ?? ''}`} size={720} onClose={onClose} className="job-detail">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('tasks.name')}>{row.task.name}</Descriptions.Item>
        <Descriptions.Item label={t('detail.job')}>{row.jobName}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.sourceVm')}>{row.sourceVmName}</Descriptions.Item>
        <Descriptions.Item label={t('detail.sourceUrl')}>{row.sourceUrl}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.targetVm')}>{row.targetVmName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.conversionHost')}>{chs.find((c) => c.uuid === row.conversionHostUuid)?.name ?? row.conversionHostUuid}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.state')}>
          <Tag color={stateColor[shownState(row)]}>{t(`job.${shownState(row)}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.startTime')}>{dateTime(row.startDate)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.endTime')}>{dateTime(row.endDate)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.duration')}>{duration(row.duration)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.bytes')}>{bytes(row.bytesTransferred ?? 0)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.logPath')}>
          <Typography.Text code copyable={!!row.logPath} className="log-path">
            {row.logPath ?? '-'}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.phaseTimes')}
      </Typography.Title>
      <Table
        rowKey="0"
        size="small"
        pagination={false}
        dataSource={phases}
        columns={[
          { title: t('detail.phase'), key: 'p', render: (_, r: [string, number]) => phaseName(t, r[0]) },
          { title: t('detail.seconds'), key: 's', render: (_, r: [string, number]) => `${r[1].toFixed(1)} ${t('detail.seconds')}` },
        ]}
      />
      {row.error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          className="job-error"
          title={t('detail.error')}
          description={
            <ol style={{ paddingLeft: 18, margin: 0 }}>
              {errorChain(row.error).map((l, i) => (
                <li key={i} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {l}
                </li>
              ))}
            </ol>
          }
        />
      )}
    </Drawer>
  );
}

export default function Tasks({ onCreate }: { onCreate: () => void }) {
  const t = useT();
  const run = useRunner();
  const [detail, setDetail] = useState<string | null>(null);
  const { data, loading, error, reload } = useLoad(async () => {
    const [tasks, chs] = await Promise.all([
      api.query<Task>('/v2v-tasks', [], { sort: '-createDate' }),
      api.query<ConversionHost>('/v2v-conversion-hosts'),
    ]);
    return { tasks, chs };
  }, [], 2000);
  const rows = jobRows(data?.tasks ?? []);
  const chName = (uuid: string) => data?.chs.find((c) => c.uuid === uuid)?.name ?? uuid;
  const detailRow = rows.find((r) => r.uuid === detail) ?? null;

  const act = async (f: () => Promise<unknown>) => {
    await run(f, t('common.done'));
    reload(true);
  };

  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" className="create-task" onClick={onCreate}>
          {t('tasks.create')}
        </Button>
        <Button onClick={() => reload()}>{t('common.refresh')}</Button>
      </Space>
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="uuid"
        className="jobs-table"
        scroll={{ x: 'max-content' }}
        loading={loading && !data}
        dataSource={rows}
        locale={{ emptyText: t('tasks.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('tasks.name'), key: 'task', onCell: nowrap, render: (_, r) => <span className="job-name">{r.jobName}</span> },
          { title: t('tasks.sourceVm'), dataIndex: 'sourceVmName', className: 'col-source' },
          { title: t('tasks.targetVm'), dataIndex: 'targetVmName', render: (v) => v ?? '-' },
          { title: t('tasks.sourcePlatform'), dataIndex: 'sourceUrl', render: platformOf },
          {
            title: t('tasks.state'),
            dataIndex: 'state',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={stateColor[shownState(r)]} className={`job-state job-state-${shownState(r)}`}>
                  {t(`job.${shownState(r)}`)}
                </Tag>
                {shownState(r) === 'Queued' && (
                  <Typography.Text type="secondary" className="job-queued-for" style={{ fontSize: 12 }}>
                    {t('job.queuedFor', { ch: chName(r.conversionHostUuid) })}
                  </Typography.Text>
                )}
                {r.state === 'Failed' && r.error && (
                  <Typography.Text type="danger" className="job-error-short" style={{ fontSize: 12, maxWidth: 280 }} ellipsis={{ tooltip: r.error }}>
                    {r.error}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('tasks.progress'),
            key: 'progress',
            width: 220,
            onCell: () => ({ style: { minWidth: 200, whiteSpace: 'nowrap' } }),
            render: (_, r) => (
              <div className="job-progress" data-percent={r.state === 'Succeeded' ? 100 : r.progress ?? 0}>
                <Progress
                  percent={r.state === 'Succeeded' ? 100 : r.progress ?? 0}
                  size="small"
                  status={r.state === 'Failed' ? 'exception' : r.state === 'Succeeded' ? 'success' : ENDED.includes(r.state) ? 'normal' : 'active'}
                />
                <span style={{ fontSize: 12 }}>
                  {phaseName(t, r.phase)} · {bytes(r.bytesTransferred ?? 0)}
                </span>
              </div>
            ),
          },
          { title: t('tasks.startTime'), dataIndex: 'startDate', onCell: nowrap, render: (v) => dateTime(v) },
          { title: t('tasks.duration'), dataIndex: 'duration', onCell: nowrap, render: (v) => duration(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size="small" wrap>
                <Button size="small" className="job-detail-btn" onClick={() => setDetail(r.uuid)}>
                  {t('tasks.detail')}
                </Button>
                {!ENDED.includes(r.state) && r.state !== 'Canceling' && (
                  <Popconfirm
                    title={t('tasks.cancelJob.confirm', { name: r.sourceVmName ?? '' })}
                    placement="topRight"
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ className: 'confirm-cancel-job' }}
                    onConfirm={() => act(() => api.action(`/longjobs/${r.uuid}/actions`, 'cancelLongJob'))}
                  >
                    <Button size="small" className="cancel-job">
                      {t('tasks.cancelJob')}
                    </Button>
                  </Popconfirm>
                )}
                {(r.state === 'Failed' || r.state === 'Canceled') && (
                  <Button size="small" className="rerun-job" onClick={() => act(() => api.action(`/longjobs/${r.uuid}/actions`, 'rerunLongJob'))}>
                    {t('tasks.rerun')}
                  </Button>
                )}
                {r.task.jobs.every((j) => ENDED.includes(j.state)) && r.task.jobs[0]?.uuid === r.uuid && (
                  <Popconfirm
                    title={t('tasks.deleteTask.confirm', { name: r.task.name, n: r.task.jobs.length })}
                    placement="topRight"
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ className: 'confirm-delete' }}
                    onConfirm={() => act(() => api.del(`/v2v-tasks/${r.task.uuid}`))}
                  >
                    <Button size="small" danger className="delete-task">
                      {t('tasks.deleteTask')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <JobDetail row={detailRow} chs={data?.chs ?? []} onClose={() => setDetail(null)} />
    </div>
  );
}
