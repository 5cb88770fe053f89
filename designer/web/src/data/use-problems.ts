/**
 * Reports a tab's problems to the shell only when they changed, so a shell that re-renders on
 * every report (or passes a new onProblems each render) does not loop. Used by the data, forms
 * and card tabs. Nothing is reported while a tab's problems are not known yet (undefined).
 */
import { useEffect, useRef } from 'react';
import type { EditorProps, Problem, ProblemSource } from '../model/types.js';

export function useReportProblems(source: ProblemSource, problems: Problem[] | undefined, onProblems: EditorProps['onProblems']): void {
  const last = useRef<string | null>(null);
  const report = useRef(onProblems);
  report.current = onProblems;
  const json = problems && JSON.stringify(problems);
  useEffect(() => {
    if (json === undefined || json === last.current) return;
    last.current = json;
    report.current(source, JSON.parse(json) as Problem[]);
  }, [source, json]);
}
