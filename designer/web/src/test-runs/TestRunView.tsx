import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../model/api.js';
import { fileText, type EditorProps } from '../model/types.js';
import { packageRefs } from './package-refs.js';
import { RunDiagram } from './RunDiagram.js';
import { ScenarioSave } from './ScenarioSave.js';
import { StartPanel } from './StartPanel.js';
import { StepsList } from './StepsList.js';
import { VariablesPanel } from './VariablesPanel.js';
import { WaitingPanel } from './WaitingPanel.js';
import { endTestRun, getTestRun, runStep, startTestRun, type ConnectorMode, type Step, type TestRun } from './test-run.js';
import type { TestMessages } from './messages.js';

/** What the run was started on: the diagram and start form as saved then (later edits do not move its markers). */
interface Started { run: TestRun; xml: string; startForm: string | undefined }

function reason(e: unknown): string {
  if (e instanceof ApiError) return [e.message, ...(e.problem.errors ?? []).map((x) => x.message)].join(' — ');
  return e instanceof Error ? e.message : String(e);
}

/** A test run on the embedded engine: start, answer what waits, watch the path, save it as a scenario. */
export function TestRunView({ pkg, onChange, readOnly, unsaved, t }: Pick<EditorProps, 'pkg' | 'onChange' | 'readOnly' | 'unsaved'> & { t: TestMessages }) {
  const [connectors, setConnectors] = useState<ConnectorMode>('sandbox');
  const [started, setStarted] = useState<Started>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const current = useRef<string | undefined>(undefined);
  current.current = started?.run.id;

  // A run holds an engine on the server: end it when the tab closes.
  useEffect(() => () => { if (current.current) void endTestRun(current.current).catch(() => undefined); }, []);

  async function attempt(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  }

  const start = () => attempt(async () => {
    if (current.current) await endTestRun(current.current).catch(() => undefined);
    const refs = packageRefs(pkg);
    const run = await startTestRun(pkg.code, pkg.version, connectors);
    setSelected(undefined);
    setStarted({ run, xml: fileText(pkg, refs.processFile), startForm: refs.startForm ? fileText(pkg, refs.startForm) : undefined });
  });

  const act = (step: Step) => attempt(async () => {
    const run = await runStep(started!.run.id, step);
    setStarted((s) => s && { ...s, run });
  });

  // Sandbox connectors answer their jobs on their own, possibly after the step's answer came
  // back: while the instance runs and nothing waits for the analyst, look again every second.
  const run = started?.run;
  const running = !busy && run?.instance?.state === 'ACTIVE' && run.userTasks.length + run.jobs.length + run.incidents.length === 0;
  useEffect(() => {
    if (!running || !run) return;
    const timer = setTimeout(() => {
      getTestRun(run.id).then((next) => setStarted((s) => (s?.run.id === next.id ? { ...s, run: next } : s)), () => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [running, run]);

  return (
    <div className="kt-run">
      <form className="kt-run-start" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <fieldset className="kt-choice">
          <legend>{t.connectors}</legend>
          <label><input type="radio" name="kt-connectors" checked={connectors === 'sandbox'} onChange={() => setConnectors('sandbox')} /> {t.sandbox}</label>
          <label><input type="radio" name="kt-connectors" checked={connectors === 'manual'} onChange={() => setConnectors('manual')} /> {t.manual}</label>
        </fieldset>
        <button type="submit" disabled={busy || unsaved}>{run ? t.newRun : t.start}</button>
        {unsaved && <p className="kt-note" role="note">{t.unsaved}</p>}
      </form>
      <div role="status" className="kt-visually-hidden">{busy ? t.busy : ''}</div>
      {error && <p role="alert" className="kt-error">{t.refused}: {error}</p>}
      {started && run && (
        <>
          {run.instance
            ? <p className="kt-instance" data-testid="instance-state">{t.instance} {run.instance.key}: <strong>{t.state[run.instance.state] ?? run.instance.state}</strong></p>
            : <StartPanel startForm={started.startForm} busy={busy} t={t}
                onStart={(variables) => void act({ createInstance: { processId: run.processId, variables } })} />}
          <div className="kt-run-layout">
            <RunDiagram xml={started.xml} run={run} selected={selected} onSelect={setSelected} t={t} />
            {run.instance?.state === 'ACTIVE' && <WaitingPanel run={run} busy={busy} act={(step) => void act(step)} t={t} />}
          </div>
          <div className="kt-run-layout">
            <VariablesPanel run={run} selected={selected} onSelect={setSelected} t={t} />
            <StepsList run={run} t={t} />
          </div>
          {run.steps.length > 0 && <ScenarioSave runId={run.id} paths={Object.keys(pkg.files)} readOnly={readOnly} onChange={onChange} t={t} />}
        </>
      )}
    </div>
  );
}
