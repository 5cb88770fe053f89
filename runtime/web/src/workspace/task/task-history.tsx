import { Heading, Timeline } from '../../ui/index.js';
import type { TaskHistoryEntry } from '../api-types.js';
import { named, useTexts } from '../i18n.js';

/** Who claimed, released, handed over and completed the task, with the notes given. */
export function TaskHistory({ history }: { history: TaskHistoryEntry[] }) {
  const { t } = useTexts();
  if (!history.length) return null;
  return (
    <section aria-labelledby="task-history-heading" className="task-history">
      <Heading level={3} data-size="xs" id="task-history-heading">{t.history}</Heading>
      <Timeline label={t.history} testId="task-history" entries={history.map((entry, i) => {
        const to = entry.toName ?? entry.toGroup;
        return {
          key: `${entry.at}-${i}`, at: entry.at, state: 'done',
          title: [entry.actorName, named(t.historyActions, entry.action), to ? t.historyTo(to) : ''].filter(Boolean).join(' '),
          ...(entry.note ? { detail: `“${entry.note}”` } : {}),
        };
      })} />
    </section>
  );
}
