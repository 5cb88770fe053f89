import type { ReactNode } from 'react';
import { useLanguage } from './language.js';
import { formatDateTime } from './format.js';

export interface TimelineEntry { key: string; at?: string; title: ReactNode; detail?: ReactNode; state: 'done' | 'current' | 'next' }

/** Steps of a case, done ones with their time, the current one marked, the expected ones after. */
export function Timeline({ entries, label, testId }: { entries: TimelineEntry[]; label: string; testId?: string }) {
  const lang = useLanguage();
  return (
    <ol className="timeline" aria-label={label} data-testid={testId}>
      {entries.map((e) => (
        <li key={e.key} className={`timeline__step timeline__step--${e.state}`} aria-current={e.state === 'current' ? 'step' : undefined}>
          <span className="timeline__title">{e.title}</span>
          {e.at && <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>}
          {e.detail && <span className="timeline__detail">{e.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
