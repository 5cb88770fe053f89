import { Tag } from '../../ui/index.js';
import { useTexts } from '../i18n.js';

/** The engine's priority (0..100, 50 by default) in three words an official reads at a glance. */
export function PriorityTag({ priority }: { priority: number }) {
  const { t } = useTexts();
  if (priority >= 70) return <Tag data-color="warning" data-size="sm">{t.priorities.high} ({priority})</Tag>;
  if (priority <= 30) return <span className="muted">{t.priorities.low} ({priority})</span>;
  return <span>{t.priorities.normal}</span>;
}
