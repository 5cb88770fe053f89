import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import {
  Alert, Button, ChoiceGroup, Dialog, DialogBlock, Field, Heading, Label, Paragraph, SelectField, Textarea, ValidationMessage,
} from '../../ui/index.js';
import { workspaceApi, type Colleague, type TaskView } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { useMe } from '../me.js';

/**
 * Claim, release and delegate, as far as the official may: anyone who sees an unassigned task
 * claims it; its assignee (or a supervisor) releases or hands it over.
 */
export function TaskActions({ task, supervisor, onDone, onStale }: { task: TaskView; supervisor: boolean; onDone: (said: string) => void; onStale: () => void }) {
  const { t } = useTexts();
  const me = useMe();
  // The dialog stays mounted and is opened and closed, so the browser gives focus back to the button that opened it.
  const [delegating, setDelegating] = useState(false);
  const [opened, setOpened] = useState(0);
  const [error, setError] = useState<string>();
  if (task.state !== 'open') return null;
  const mine = task.assignee === me.user.id;
  const act = async (action: () => Promise<unknown>, said: string) => {
    try {
      await action();
      setError(undefined);
      onDone(said);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onStale();
      else setError(e instanceof ApiError ? e.message : t.failed);
    }
  };
  return (
    <div className="task-actions">
      {error && <Alert data-color="danger">{error}</Alert>}
      <div className="actions">
        {!task.assignee && <Button onClick={() => void act(() => workspaceApi.claim(task.id), t.claimed)}>{t.claim}</Button>}
        {task.assignee && (mine || supervisor) && <Button variant="secondary" onClick={() => void act(() => workspaceApi.unclaim(task.id), t.unclaimed)}>{t.unclaim}</Button>}
        {(mine || supervisor) && <Button variant="secondary" onClick={() => { setOpened((n) => n + 1); setDelegating(true); }}>{t.delegate}</Button>}
      </div>
      <DelegateDialog key={opened} open={delegating} task={task} onClose={() => setDelegating(false)} onDelegated={(to) => { setDelegating(false); onDone(t.delegated(to)); }} />
    </div>
  );
}

/** Handing the task to a colleague or a group, with a note saying why; the server checks the target may see it. */
function DelegateDialog({ open, task, onClose, onDelegated }: { open: boolean; task: TaskView; onClose: () => void; onDelegated: (to: string) => void }) {
  const { t } = useTexts();
  const me = useMe();
  const noteId = useId();
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [to, setTo] = useState<'user' | 'group'>('user');
  const [userId, setUserId] = useState('');
  const [group, setGroup] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ target?: string; note?: string; form?: string }>({});
  useEffect(() => {
    if (open) workspaceApi.officials().then((all) => setColleagues(all.filter((c) => c.id !== me.user.id)), () => setColleagues([]));
  }, [open, me.user.id]);
  const groups = [...new Set([...task.candidateGroups, ...me.user.groups, ...colleagues.flatMap((c) => c.groups)])].sort();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...(to === 'user' ? !userId : !group) ? { target: t.chooseRequired } : {}, ...(!note.trim() ? { note: t.noteRequired } : {}) };
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await workspaceApi.delegate(task.id, { ...(to === 'user' ? { userId } : { group }), note: note.trim() });
      onDelegated(to === 'user' ? colleagues.find((c) => c.id === userId)?.displayName ?? '' : group);
    } catch (e) {
      setErrors({ form: e instanceof ApiError ? e.errors[0]?.message ?? e.message : t.failed });
    }
  };
  return (
    <Dialog open={open} onClose={onClose} closeButton={t.close} aria-labelledby="delegate-heading" data-testid="delegate-dialog">
      <DialogBlock>
        <Heading level={2} data-size="sm" id="delegate-heading">{t.delegateTitle}</Heading>
      </DialogBlock>
      <DialogBlock>
        <form className="stack" onSubmit={send} noValidate>
          <Paragraph>{t.delegateLead}</Paragraph>
          {errors.form && <Alert data-color="danger" role="alert">{errors.form}</Alert>}
          <ChoiceGroup legend={t.delegateTo} name="to" type="radio" checked={[to]} onChange={(value) => setTo(value as 'user' | 'group')}
            choices={[{ value: 'user', label: t.toColleague }, { value: 'group', label: t.toGroup }]} />
          {to === 'user'
            ? <SelectField label={t.colleague} value={userId} onChange={(e) => setUserId(e.currentTarget.value)} aria-invalid={errors.target ? true : undefined}
                choices={[{ value: '', label: t.chooseColleague }, ...colleagues.map((c) => ({ value: c.id, label: `${c.displayName} (${c.groups.join(', ')})` }))]} />
            : <SelectField label={t.group} value={group} onChange={(e) => setGroup(e.currentTarget.value)} aria-invalid={errors.target ? true : undefined}
                choices={[{ value: '', label: t.chooseGroup }, ...groups.map((g) => ({ value: g, label: g }))]} />}
          {errors.target && <ValidationMessage>{errors.target}</ValidationMessage>}
          <Field>
            <Label htmlFor={noteId}>{t.note}</Label>
            <p className="muted field-hint" id={`${noteId}-hint`}>{t.noteHint}</p>
            <Textarea id={noteId} value={note} rows={3} maxLength={1000} required onChange={(e) => setNote(e.currentTarget.value)}
              aria-invalid={errors.note ? true : undefined} aria-describedby={[`${noteId}-hint`, errors.note ? `${noteId}-error` : ''].filter(Boolean).join(' ')} />
            {errors.note && <ValidationMessage id={`${noteId}-error`}>{errors.note}</ValidationMessage>}
          </Field>
          <div className="actions">
            <Button type="submit">{t.send}</Button>
            <Button type="button" variant="secondary" onClick={onClose}>{t.cancel}</Button>
          </div>
        </form>
      </DialogBlock>
    </Dialog>
  );
}
