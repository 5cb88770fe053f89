import { named, useLang } from '../i18n.js';
import { Tag } from '../ui/index.js';

/** Tag colours by how a status reads to the citizen. */
const STATUS_COLOR: Record<string, 'success' | 'danger' | 'info' | 'neutral' | 'warning'> = {
  approved: 'success', completed: 'success', rejected: 'danger', cancelled: 'neutral', withdrawn: 'neutral', 'in-review': 'info', 'in-progress': 'info', submitted: 'info',
};

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useLang();
  return <Tag data-color={STATUS_COLOR[status] ?? 'neutral'} data-testid={testId}>{named(t.statuses, status)}</Tag>;
}
