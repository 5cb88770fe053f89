import { useEffect, useRef, type ComponentRef } from 'react';
import { ErrorSummary as DsErrorSummary, ErrorSummaryHeading, ErrorSummaryItem, ErrorSummaryLink, ErrorSummaryList } from '@digdir/designsystemet-react';
import { useShellTexts } from './texts.js';

export interface SummaryEntry { path: string; message: string; label: string; target?: string }

/**
 * The error summary: Designsystemet's element makes it a group named by its heading and moves
 * focus to it when it appears (so it is read out); each entry links to its field and moves
 * focus there.
 */
export function ErrorSummary({ errors }: { errors: SummaryEntry[] }) {
  const t = useShellTexts();
  const ref = useRef<ComponentRef<typeof DsErrorSummary>>(null);
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
    <DsErrorSummary ref={ref} className="error-summary" tabIndex={-1}>
      <ErrorSummaryHeading>{t.errorsTitle}</ErrorSummaryHeading>
      <ErrorSummaryList>
        {errors.map((e) => (
          <ErrorSummaryItem key={`${e.path}:${e.message}`}>
            <ErrorSummaryLink href={e.target ? `#${e.target}` : '#main'} onClick={(event) => focus(event, e.target)}>{e.label}: {e.message}</ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </DsErrorSummary>
  );
}
