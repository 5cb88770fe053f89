import type { ApplicationDetail } from '../../api.js';
import { useLang } from '../../i18n.js';
import { formatDate, Heading, Timeline, type TimelineEntry } from '../../ui/index.js';

/** The steps the citizen follows: done ones with their time, where the order is now, and what comes next with its deadline. */
export function ProgressSection({ application }: { application: ApplicationDetail }) {
  const { lang, t } = useLang();
  const entries: TimelineEntry[] = application.progress.filter((p) => p.state !== 'skipped').map((p) => ({
    key: p.step,
    ...(p.at && p.state !== 'next' ? { at: p.at } : {}),
    // A step under way reads as a wait ("Waiting for payment"), done as what happened ("Payment received").
    title: (p.state === 'current' ? t.progressSteps[`${p.step}:current`] : undefined)
      ?? t.progressSteps[p.step === 'decision' && p.detail ? `decision-${p.detail}` : p.step] ?? t.progressSteps[p.step] ?? p.step,
    state: p.state === 'current' ? 'current' : p.state === 'done' ? 'done' : 'next',
    ...(p.deadline && p.state !== 'done' ? { detail: t.expectedBy(formatDate(p.deadline, lang)) } : {}),
  }));
  return (
    <section aria-labelledby="progress-heading" className="order-section">
      <Heading level={2} data-size="sm" id="progress-heading">{t.progress}</Heading>
      <Timeline label={t.progress} testId="progress" entries={entries} />
    </section>
  );
}
