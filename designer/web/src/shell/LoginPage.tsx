import { useState, type FormEvent } from 'react';
import { setCsrfToken } from '../model/api.js';
import { useTexts } from './i18n.js';
import { shellApi, type Me } from './services-api.js';
import { ErrorNote } from './ErrorNote.js';

/** Log in with a local account (the demo analyst is `analyst`). */
export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useTexts();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const me = await shellApi.login(String(form.get('username')), String(form.get('password')));
      setCsrfToken(me.csrfToken);
      onLogin(me);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section className="login">
      <h1>{t.login}</h1>
      <ErrorNote error={error} />
      <form onSubmit={submit} className="stack">
        <label htmlFor="username">{t.username}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>{t.signIn}</button>
      </form>
    </section>
  );
}
