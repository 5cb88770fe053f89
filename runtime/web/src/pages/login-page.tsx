import { useState, type FormEvent } from 'react';
import { api, ApiError, ok, type Me } from '../api.js';
import { useLang } from '../i18n.js';
import { Alert, Button, Details, DetailsContent, DetailsSummary, Heading, navigate, PageHeading, Paragraph, TextField } from '../ui/index.js';
import { useLoginMethods } from '../login-methods.js';
import { goToWorkspace, isStaff } from '../staff.js';

/** Only a path on this site: a link that sends people elsewhere after logging in is refused here as on the server. */
function safeReturn(returnTo: string | null): string {
  return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.startsWith('/\\') ? returnTo : '/';
}

/**
 * Logging in: citizens through the national eID gateway (OpenID Connect), staff and the demo
 * accounts with a password. Afterwards the person is back where he was going.
 */
export function LoginPage({ returnTo, onLogin, reason, eidError }: { returnTo: string | null; onLogin: (me: Me) => void; reason?: 'order'; eidError?: string | null }) {
  const { lang, t } = useLang();
  const methods = useLoginMethods();
  const [error, setError] = useState<string>();
  const target = safeReturn(returnTo);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const me = await ok(api.POST('/api/session', { body: { username: String(form.get('username')), password: String(form.get('password')) } }));
      // Officials work in the workspace, another app: they go there, never to the citizen pages.
      if (isStaff(me)) {
        goToWorkspace(target, lang);
        return;
      }
      onLogin(me);
      if (window.location.pathname === '/login') navigate(target);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t.loginFailed : e instanceof Error ? e.message : String(e));
    }
  };
  const eid = `/api/session/oidc?${new URLSearchParams({ returnTo: target, lang }).toString()}`;
  return (
    <div className="stack-narrow">
      <PageHeading>{t.login}</PageHeading>
      <Paragraph className="lead">{reason === 'order' ? t.loginToOrder : t.loginLead}</Paragraph>
      {eidError && <Alert data-color="danger" role="alert">{t.eidErrors[eidError] ?? t.eidErrors['oidc-login-failed']}</Alert>}
      {methods?.eid && (
        <section className="stack" aria-labelledby="login-eid">
          <Heading level={2} data-size="xs" id="login-eid" className="visually-hidden">{t.eidLogin}</Heading>
          <a className="ds-button" data-variant="primary" href={eid}>{t.eidLogin}</a>
          <Paragraph data-size="sm" className="muted">{t.eidHint}</Paragraph>
        </section>
      )}
      {/* Shown once the methods are known, open when a password is the only way in: drawn before, it
          was drawn again when they came, and a click made on it in between was lost. */}
      {methods && <Details defaultOpen={!methods.eid} data-testid="staff-login">
        <DetailsSummary>{t.staffLogin}</DetailsSummary>
        <DetailsContent>
          {error && <Alert data-color="danger" role="alert">{error}</Alert>}
          <form onSubmit={submit} className="stack">
            <TextField label={t.username} id="username" name="username" autoComplete="username" required />
            <TextField label={t.password} id="password" name="password" type="password" autoComplete="current-password" required />
            <Button type="submit">{t.signIn}</Button>
          </form>
        </DetailsContent>
      </Details>}
    </div>
  );
}
