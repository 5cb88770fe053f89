import { useId, useState } from 'react';
import { FormRunner } from './FormRunner.js';
import { JsonVariables } from './JsonVariables.js';
import type { TestMessages } from './messages.js';
import type { Step, TestRun } from './test-run.js';

/** The instance is the scenario's default alias `main`: the test run starts one instance. */
const INSTANCE = 'main';

/** What the running instance waits for, each with the step that answers it. */
export function WaitingPanel({ run, busy, act, t }: { run: TestRun; busy: boolean; act(step: Step): void; t: TestMessages }) {
  const waits = run.userTasks.length + run.jobs.length + run.incidents.length > 0;
  return (
    <section className="kt-waiting" aria-labelledby="kt-waiting-title">
      <h3 id="kt-waiting-title">{t.waiting}</h3>
      {!waits && <p>{t.nothingWaits}</p>}
      {run.userTasks.length > 0 && (
        <>
          <h4>{t.userTasks}</h4>
          {run.userTasks.map((task) => (
            <article key={task.key} className="kt-card" aria-label={task.name ?? task.elementId}>
              <h5>{task.name ?? task.elementId} <code>{task.elementId}</code></h5>
              {task.form
                ? <FormRunner schema={task.form} locale={t.locale} submitLabel={t.completeTask} disabled={busy}
                    onSubmit={(variables) => act({ completeUserTask: { elementId: task.elementId, instance: INSTANCE, variables } })} />
                : <JsonVariables label={t.variablesJson} submitLabel={t.completeTask} invalidLabel={t.invalidJson} disabled={busy}
                    onSubmit={(variables) => act({ completeUserTask: { elementId: task.elementId, instance: INSTANCE, variables } })} />}
            </article>
          ))}
        </>
      )}
      {run.jobs.length > 0 && (
        <>
          <h4>{t.jobs}</h4>
          {run.jobs.map((job, i) => <JobCard key={`${job.elementId}-${i}`} job={job} busy={busy} act={act} t={t} />)}
        </>
      )}
      {run.incidents.length > 0 && (
        <>
          <h4>{t.incidents}</h4>
          <ul>
            {run.incidents.map((incident, i) => (
              <li key={`${incident.elementId}-${i}`}>
                <code>{incident.elementId}</code> {incident.errorType}: {incident.message}{' '}
                <button type="button" disabled={busy} onClick={() => act({ resolveIncident: { instance: INSTANCE, elementId: incident.elementId } })}>{t.resolve}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <MessageForm busy={busy} act={act} t={t} />
      <TimeForm clock={run.clock} busy={busy} act={act} t={t} />
    </section>
  );
}

function JobCard({ job, busy, act, t }: { job: TestRun['jobs'][number]; busy: boolean; act(step: Step): void; t: TestMessages }) {
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <article className="kt-card" aria-label={`${job.type} (${job.elementId})`}>
      <h5><code>{job.type}</code> {job.elementId}</h5>
      <JsonVariables label={t.variablesJson} submitLabel={t.completeJob} invalidLabel={t.invalidJson} disabled={busy}
        onSubmit={(variables) => act({ completeJob: { type: job.type, instance: INSTANCE, variables } })} />
      <label htmlFor={id}>{t.errorCode}</label>
      <input id={id} value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="button" disabled={busy || !code.trim()} onClick={() => act({ throwError: { type: job.type, instance: INSTANCE, errorCode: code.trim() } })}>{t.throwError}</button>
    </article>
  );
}

function MessageForm({ busy, act, t }: { busy: boolean; act(step: Step): void; t: TestMessages }) {
  const id = useId();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  return (
    <fieldset className="kt-card">
      <legend>{t.message}</legend>
      <label htmlFor={`${id}-name`}>{t.messageName}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-key`}>{t.correlationKey}</label>
      <input id={`${id}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
      <JsonVariables label={t.variablesJson} submitLabel={t.publish} invalidLabel={t.invalidJson} disabled={busy || !name.trim()}
        onSubmit={(variables) => act({ publishMessage: { name: name.trim(), correlationKey: key, variables } })} />
    </fieldset>
  );
}

function TimeForm({ clock, busy, act, t }: { clock: string; busy: boolean; act(step: Step): void; t: TestMessages }) {
  const id = useId();
  const [duration, setDuration] = useState('PT1H');
  const valid = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(duration);
  return (
    <fieldset className="kt-card">
      <legend>{t.time}</legend>
      <p>{t.clock}: <time dateTime={clock}>{clock}</time></p>
      <label htmlFor={id}>{t.duration}</label>
      <input id={id} value={duration} onChange={(e) => setDuration(e.target.value)} aria-invalid={valid ? undefined : true} />
      <button type="button" disabled={busy || !valid} onClick={() => act({ advanceTime: { duration } })}>{t.advance}</button>
    </fieldset>
  );
}
