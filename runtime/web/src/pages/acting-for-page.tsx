import { useEffect, useState } from 'react';
import { api, ApiError, ok, type Answer, type Me } from '../api.js';
import { useActingFor, type ActingFor } from '../acting-for.js';
import { useLang } from '../i18n.js';
import { Alert, AppLink, Button, Fieldset, FieldsetLegend, Field, Input, Label, PageHeading, Paragraph, navigate } from '../ui/index.js';

type Entity = Answer<'get', '/api/me/entities'>['items'][number];
type Authorisation = Answer<'get', '/api/me/authorised-by'>['items'][number];

function keyOf(choice: ActingFor): string {
  return choice.kind === 'self' ? 'self' : choice.kind === 'entity' ? `entity:${choice.code}` : `person:${choice.authorisationId}`;
}

/**
 * "Whom are you acting for?": himself, each legal entity the register names him a
 * representative of (read now from the register), each person who authorised him as
 * e-assistant. The choice applies to the orders he makes next.
 */
export function ActingForPage({ me, returnTo }: { me: Me; returnTo: string | null }) {
  const { lang, t } = useLang();
  const { actingFor, choose } = useActingFor();
  const [entities, setEntities] = useState<Entity[] | { failed: string }>();
  const [people, setPeople] = useState<Authorisation[]>();
  const [selected, setSelected] = useState(keyOf(actingFor));
  useEffect(() => {
    ok(api.GET('/api/me/entities', { params: { query: { lang } } })).then((answer) => setEntities(answer.items), (e: unknown) => setEntities({ failed: e instanceof ApiError ? e.detail ?? e.message : String(e) }));
    void ok(api.GET('/api/me/authorised-by')).then((answer) => setPeople(answer.items.filter((a) => a.status === 'active' && a.grantor.personalCode)));
  }, [lang]);

  const choices: Array<{ key: string; choice: ActingFor; label: string; hint?: string }> = [
    { key: 'self', choice: { kind: 'self' }, label: t.actingSelf(me.user.displayName) },
    ...(Array.isArray(entities) ? entities.map((e) => ({
      key: `entity:${e.code}`, choice: { kind: 'entity' as const, code: e.code, name: e.name }, label: `${e.name} (${e.code})`,
      hint: [e.role, e.alone ? '' : t.actsJointly(e.jointlyWith.join(', ')), e.source === 'administrator' ? t.grantedByAdministrator : ''].filter(Boolean).join(' · '),
    })) : []),
    ...(people ?? []).map((a) => ({
      key: `person:${a.id}`, choice: { kind: 'person' as const, personalCode: a.grantor.personalCode!, name: a.grantor.name, authorisationId: a.id }, label: t.actingForPerson(a.grantor.name),
      hint: t.authorisedUntil(new Date(a.validUntil).toLocaleDateString(lang)),
    })),
  ];
  const submit = () => {
    const found = choices.find((c) => c.key === selected);
    if (found) choose(found.choice);
    navigate(returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : `/?lang=${lang}`);
  };
  return (
    <div className="stack-narrow">
      <PageHeading>{t.actingForTitle}</PageHeading>
      <Paragraph>{t.actingForLead}</Paragraph>
      {entities && !Array.isArray(entities) && <Alert data-color="warning" role="status">{entities.failed}</Alert>}
      {entities === undefined && <Paragraph role="status">{t.loading}</Paragraph>}
      <Fieldset>
        <FieldsetLegend>{t.actingForLegend}</FieldsetLegend>
        {choices.map((c) => (
          <Field key={c.key}>
            <Input type="radio" id={`acting-${c.key}`} name="acting-for" value={c.key} checked={selected === c.key} onChange={() => setSelected(c.key)} aria-describedby={c.hint ? `acting-${c.key}-hint` : undefined} />
            <Label htmlFor={`acting-${c.key}`} data-weight="regular">{c.label}</Label>
            {c.hint && <div id={`acting-${c.key}-hint`} className="muted choice-hint">{c.hint}</div>}
          </Field>
        ))}
      </Fieldset>
      <div className="actions">
        <Button onClick={submit}>{t.actingForContinue}</Button>
        <AppLink href={`/authorisations?lang=${lang}`}>{t.authorisationsTitle}</AppLink>
      </div>
    </div>
  );
}

/** The e-assistants the person has authorised: grant one, see their status, revoke. */
export function AuthorisationsPage() {
  const { lang, t } = useLang();
  const [items, setItems] = useState<Answer<'get', '/api/me/authorisations'>['items']>();
  const [error, setError] = useState<string>();
  const load = () => { void ok(api.GET('/api/me/authorisations')).then((answer) => setItems(answer.items)); };
  useEffect(load, []);
  const grant = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const until = String(form.get('validUntil'));
    try {
      await ok(api.POST('/api/me/authorisations', { body: {
        assistantCode: String(form.get('assistantCode')).trim(), assistantName: String(form.get('assistantName')).trim(),
        validUntil: new Date(`${until}T23:59:59`).toISOString(),
      } }));
      setError(undefined);
      (event.target as HTMLFormElement).reset();
      load();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.errors.map((x) => x.message)].join(': ') : String(e));
    }
  };
  const revoke = async (id: string) => {
    await api.DELETE('/api/me/authorisations/{id}', { params: { path: { id } } });
    load();
  };
  return (
    <div className="stack">
      <PageHeading>{t.authorisationsTitle}</PageHeading>
      <Paragraph>{t.authorisationsLead}</Paragraph>
      <ul className="authorisations" data-testid="authorisations">
        {items?.map((a) => (
          <li key={a.id}>
            <strong>{a.assistant.name}</strong> ({a.assistant.personalCode}) — {t.authorisationStatuses[a.status]}, {t.authorisedUntil(new Date(a.validUntil).toLocaleDateString(lang))}
            {a.status === 'active' && <> <Button variant="tertiary" data-size="sm" onClick={() => revoke(a.id)}>{t.revoke}<span className="visually-hidden">: {a.assistant.name}</span></Button></>}
          </li>
        ))}
      </ul>
      {items?.length === 0 && <Paragraph>{t.noAuthorisations}</Paragraph>}
      <form onSubmit={grant} className="stack-narrow">
        <Fieldset>
          <FieldsetLegend>{t.grantAuthorisation}</FieldsetLegend>
          {error && <Alert data-color="danger" role="alert">{error}</Alert>}
          <Field><Label htmlFor="assistantName">{t.assistantName}</Label><Input id="assistantName" name="assistantName" required /></Field>
          <Field><Label htmlFor="assistantCode">{t.assistantCode}</Label><Input id="assistantCode" name="assistantCode" required inputMode="numeric" /></Field>
          <Field><Label htmlFor="validUntil">{t.validUntil}</Label><Input id="validUntil" name="validUntil" type="date" required /></Field>
        </Fieldset>
        <Button type="submit">{t.grant}</Button>
      </form>
    </div>
  );
}
