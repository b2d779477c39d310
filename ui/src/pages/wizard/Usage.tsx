// An estimate bar: what the chosen VMs need against what the target can give, with why it is coloured.
import { Progress, Typography } from 'antd';

export type UsageLevel = 'ok' | 'warning' | 'error';

export function Usage({ label, used, total, fmt, testId, level, explain }: {
  label: string; used: number; total: number; fmt: (n: number) => string; testId: string; level: UsageLevel; explain?: string;
}) {
  const pct = total > 0 ? Math.min(100, Math.round((used * 100) / total)) : 0;
  const textType = level === 'error' ? 'danger' : level === 'warning' ? 'warning' : undefined;
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId} data-level={level}>
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={pct} status={level === 'error' ? 'exception' : 'normal'} strokeColor={level === 'warning' ? '#faad14' : undefined} showInfo={false} />
      <Typography.Text type={textType}>{`${fmt(used)} / ${fmt(total)}`}</Typography.Text>
      {explain && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} className="usage-explain">
          {explain}
        </Typography.Paragraph>
      )}
    </div>
  );
}
