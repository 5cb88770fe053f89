import { useCallback, useMemo, useState } from 'react';
import { applyVisibility, labelOf, localizeForm, type FormComponent, type FormSchema as FormsSchema } from '@konstruktor/forms/browser';
import { ApiError, type FieldError } from '../../api.js';
import { FormView, type DomIdOf } from '../../form/form-view.js';
import { answered, fieldAt, fieldsOf, type FormSchema } from '../../form/components.js';
import { Alert, Button, ErrorSummary, Paragraph, type SummaryEntry } from '../../ui/index.js';
import { workspaceApi, type TaskDetail } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { useMe } from '../me.js';
import { SignatureStep } from './signature-step.js';

type Data = Record<string, unknown>;

/** The completion's error paths name the variables (`/variables/reason`); the form knows them without the prefix. */
const fieldPath = (path: string) => path.replace(/^\/variables/, '') || '/';

/**
 * The task's own form and its completion, for the official who holds the task: the server
 * checks the answers as it checks a citizen's (422: shown in the summary and at the fields) and
 * that the task is still as he opened it (409: somebody else acted meanwhile). A task marked
 * for a personal signature is signed first.
 */
export function WorkPanel({ task, onCompleted, onStale }: { task: TaskDetail; onCompleted: () => void; onStale: () => void }) {
  const { lang, t } = useTexts();
  const me = useMe();
  const [data, setData] = useState<Data>(task.data);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const [signed, setSigned] = useState(false);
  const [domIdOf, setDomIdOf] = useState<{ of: DomIdOf }>({ of: () => undefined });
  const onDomIds = useCallback((of: DomIdOf) => setDomIdOf({ of }), []);
  // The signature's own state says what happens now; an earlier "sign first" is over.
  const onSigned = useCallback((done: boolean) => { setSigned(done); setFailure(undefined); }, []);
  const schema = useMemo(() => (task.form ? localizeForm(task.form as unknown as FormsSchema, lang) as unknown as FormSchema : undefined), [task.form, lang]);

  if (task.state !== 'open') return <Paragraph data-testid="work-state">{t.completedDone}</Paragraph>;
  const mine = task.assignee === me.user.id;
  if (!mine) {
    return (
      <>
        <Paragraph data-testid="work-state">{task.assignee ? t.assignedToOther(task.assigneeName ?? '—') : t.claimToWork}</Paragraph>
        {schema && <FormView schema={schema} lang={lang} data={task.data} readOnly />}
      </>
    );
  }

  const summary: SummaryEntry[] = errors.map((e) => {
    const at = schema ? fieldAt(fieldsOf(schema.components), e.path) : undefined;
    return { ...e, label: (at && labelOf(at.field.component as FormComponent)) || e.path, target: domIdOf.of(e.path) };
  });
  const complete = async () => {
    if (task.signature && !signed) {
      setFailure(t.signFirst);
      return;
    }
    setSending(true);
    setFailure(undefined);
    try {
      const visible = schema ? applyVisibility(schema.components as FormComponent[], data).data : data;
      await workspaceApi.complete(task.id, answered(visible), task.revision);
      setErrors([]);
      onCompleted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.errors.length) setErrors(e.errors.map((error) => ({ ...error, path: fieldPath(error.path) })));
      else if (e instanceof ApiError && (e.status === 409 || e.status === 404)) onStale();
      else setFailure(e instanceof ApiError ? e.detail ?? e.message : t.failed);
    } finally {
      setSending(false);
    }
  };
  return (
    // Not a <form>: the viewer renders its own inside.
    <div className="work-panel" data-testid="work-panel">
      <ErrorSummary errors={summary} />
      {schema
        ? <FormView schema={schema} lang={lang} data={data} errors={errors} onChange={setData} onDomIds={onDomIds} />
        : !task.signature && <Paragraph>{t.noForm}</Paragraph>}
      {task.signature && <SignatureStep taskId={task.id} onSigned={onSigned} />}
      {Object.values(data).includes('request-information') && <Paragraph className="muted" data-size="sm" data-testid="request-hint">{t.requestHint}</Paragraph>}
      {failure && <Alert data-color="danger" role="alert" data-testid="work-failure">{failure}</Alert>}
      <div className="actions">
        <Button type="button" onClick={() => void complete()} disabled={sending}>{sending ? t.completing : t.complete}</Button>
      </div>
    </div>
  );
}
