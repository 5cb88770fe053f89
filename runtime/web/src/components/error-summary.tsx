import { useEffect, useRef } from 'react';
import type { FieldError } from '../api.js';
import { useLang } from '../i18n.js';

export interface SummaryEntry extends FieldError { label: string; target?: string }

/**
 * The GOV.UK-style error summary: takes focus when it appears; each entry links to its field
 * and moves focus there.
 */
export function ErrorSummary({ errors }: { errors: SummaryEntry[] }) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (errors.length) ref.current?.focus(); }, [errors]);
  if (!errors.length) return null;
  const focus = (event: React.MouseEvent<HTMLAnchorElement>, target: string | undefined) => {
    const field = target && document.getElementById(target);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t.errorsTitle}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.path}:${e.message}`}>
            <a href={e.target ? `#${e.target}` : '#main'} onClick={(event) => focus(event, e.target)}>{e.label}: {e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
