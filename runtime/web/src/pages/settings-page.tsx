import { useEffect, useState } from 'react';
import { api, ok, type Answer } from '../api.js';
import { useLang } from '../i18n.js';
import { Alert, Button, ChoiceGroup, PageHeading, Paragraph } from '../ui/index.js';

type Preferences = Answer<'get', '/api/me/notification-preferences'>;
type Kind = keyof Preferences['email'];

/** Which e-mails the citizen gets about his orders; portal messages arrive whatever he chooses. */
export function SettingsPage() {
  const { t } = useLang();
  const [email, setEmail] = useState<Preferences['email']>();
  const [saved, setSaved] = useState(false);
  useEffect(() => { void ok(api.GET('/api/me/notification-preferences')).then((p) => setEmail(p.email)); }, []);
  if (!email) return <><PageHeading>{t.notificationSettings}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  const kinds = Object.keys(email) as Kind[];
  const save = async () => {
    const answer = await ok(api.PUT('/api/me/notification-preferences', { body: { email } }));
    setEmail(answer.email);
    setSaved(true);
  };
  return (
    <div className="stack-narrow">
      <PageHeading>{t.notificationSettings}</PageHeading>
      <Paragraph>{t.notificationLead}</Paragraph>
      <ChoiceGroup legend={t.emailAbout} name="email" choices={kinds.map((k) => ({ value: k, label: t.notificationKinds[k] ?? k }))}
        checked={kinds.filter((k) => email[k])} onChange={(kind, on) => { setSaved(false); setEmail({ ...email, [kind]: on }); }} />
      <div className="actions"><Button onClick={save}>{t.save}</Button></div>
      {saved && <Alert data-color="success" role="status">{t.saved}</Alert>}
    </div>
  );
}
