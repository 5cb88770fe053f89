import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../model/api.js';
import type { EditorProps, PackageFiles, Problem, ProblemSource } from '../model/types.js';
import { shellApi } from '../shell/services-api.js';
import { CheckPanel } from './CheckPanel.js';
import { DiffView } from './DiffView.js';
import { publishMessages, type PublishMessages } from './messages.js';
import { packageDiff } from './package-diff.js';
import { ProblemList } from './ProblemList.js';
import { checkPackage, publishVersion, serviceVersions, type PackageCheck } from './publish-api.js';
import { filesKey, publishBlocker, type Blocker } from './readiness.js';
import './publish.css';

/** The published version to compare with: its files, none yet, or this very version. */
type Baseline = { kind: 'loading' } | { kind: 'none' } | { kind: 'self' } | { kind: 'version'; version: string; files: PackageFiles } | { kind: 'failed'; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Check, diff against the published version, publish. */
export function PublishTab({ pkg, onProblems, onOpenProblem, onReload, locale, unsaved = false }: EditorProps) {
  const t = publishMessages(locale);
  const [check, setCheck] = useState<PackageCheck>();
  const [checkedKey, setCheckedKey] = useState<string>();
  const [busy, setBusy] = useState<'check' | 'publish'>();
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<{ detail: string; problems: Problem[] }>();
  const [published, setPublished] = useState<string>();
  const [baseline, setBaseline] = useState<Baseline>({ kind: 'loading' });
  // Sources this tab reported, so a later check that finds none there clears them in the shell.
  const reported = useRef(new Set<ProblemSource>());
  const currentKey = useMemo(() => filesKey(pkg.files), [pkg.files]);

  useEffect(() => {
    let live = true;
    setBaseline({ kind: 'loading' });
    serviceVersions(pkg.code)
      .then(async (versions) => {
        const current = versions.find((v) => v.state === 'published');
        if (!current) return { kind: 'none' } as const;
        if (current.version === pkg.version) return { kind: 'self' } as const;
        return { kind: 'version', version: current.version, files: (await shellApi.load(pkg.code, current.version)).files } as const;
      })
      .then((b) => live && setBaseline(b), (e: unknown) => live && setBaseline({ kind: 'failed', error: message(e) }));
    return () => { live = false; };
  }, [pkg.code, pkg.version, pkg.state]);

  const diff = useMemo(() => (baseline.kind === 'version' || baseline.kind === 'none'
    ? packageDiff(baseline.kind === 'version' ? baseline.files : {}, pkg.files) : undefined), [baseline, pkg.files]);

  function report(problems: Problem[]) {
    const bySource = new Map<ProblemSource, Problem[]>([['scenarios', []]]);
    for (const source of reported.current) bySource.set(source, []);
    for (const p of problems) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
    for (const [source, list] of bySource) onProblems(source, list);
    reported.current = new Set(problems.map((p) => p.source));
  }

  async function runCheck() {
    setBusy('check');
    setError(undefined);
    const key = currentKey;
    try {
      const result = await checkPackage(pkg.code, pkg.version);
      setCheck(result);
      setCheckedKey(key);
      report(result.problems);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(undefined);
    }
  }

  async function publish() {
    setBusy('publish');
    setError(undefined);
    setRefusal(undefined);
    try {
      const done = await publishVersion(pkg.code, pkg.version);
      setPublished(done.version);
      onReload?.();
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.problem.problems)) {
        const problems = e.problem.problems as Problem[];
        setRefusal({ detail: e.message, problems });
        report(problems);
      } else setError(message(e));
    } finally {
      setBusy(undefined);
    }
  }

  const blocker = publishBlocker({ state: pkg.state, unsaved, check, checkedKey, currentKey });
  return (
    <div className="kp-publish">
      <section aria-labelledby="kp-check-title">
        <h3 id="kp-check-title">{t.checkTitle}</h3>
        <p>{t.checkHelp}</p>
        {unsaved && <p className="kp-note">{t.needSave}</p>}
        <button type="button" onClick={() => void runCheck()} disabled={!!busy}>{busy === 'check' ? t.checking : t.check}</button>
        <div aria-live="polite">{check && <CheckPanel check={check} stale={checkedKey !== currentKey} onOpen={onOpenProblem} t={t} />}</div>
      </section>

      <section aria-labelledby="kp-diff-title">
        <h3 id="kp-diff-title">{t.diffTitle}</h3>
        <BaselineNote baseline={baseline} t={t} />
        {diff && <DiffView diff={diff} t={t} />}
      </section>

      <section aria-labelledby="kp-publish-title">
        <h3 id="kp-publish-title">{t.publishTitle}</h3>
        {!published && blocker && <p id="kp-blocker">{blockerText(blocker, t)}</p>}
        {!published && (
          <button type="button" className="primary" onClick={() => void publish()} disabled={!!busy || blocker !== null}
            aria-describedby={blocker ? 'kp-blocker' : undefined}>
            {busy === 'publish' ? t.publishing : t.publish(pkg.version)}
          </button>
        )}
        <div role="status">{published && <p className="kp-ok kp-published">{t.published(published)}</p>}</div>
        {refusal && (
          <div role="alert" className="kp-refusal">
            <h4>{t.refusedTitle}</h4>
            <p>{refusal.detail}</p>
            <ProblemList problems={refusal.problems} onOpen={onOpenProblem} t={t} />
          </div>
        )}
      </section>
      {error && <p role="alert" className="kp-error">{error}</p>}
    </div>
  );
}

function blockerText(blocker: Blocker, t: PublishMessages): string {
  switch (blocker) {
    case 'notDraft': return t.cannotChange;
    case 'unsaved': return t.needSave;
    case 'stale': return t.checkStale;
    case 'unchecked':
    case 'checkFailed': return t.needCheck;
  }
}

function BaselineNote({ baseline, t }: { baseline: Baseline; t: PublishMessages }) {
  switch (baseline.kind) {
    case 'loading': return <p>{t.loading}</p>;
    case 'none': return <p>{t.nothingPublished}</p>;
    case 'self': return <p>{t.thisIsPublished}</p>;
    case 'version': return <p>{t.diffAgainst(baseline.version)}</p>;
    case 'failed': return <p role="alert" className="kp-error">{baseline.error}</p>;
  }
}
