import { useState, type FormEvent } from 'react';
import { api, ApiError, ok, type Me } from '../api.js';
import { useLang } from '../i18n.js';
import { PageHeading } from '../components/page-heading.js';

/** Log in with a local (demo) account. */
export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useLang();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      onLogin(await ok(api.POST('/api/session', { body: { username: String(form.get('username')), password: String(form.get('password')) } })));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <PageHeading>{t.login}</PageHeading>
      {error && <p role="alert" className="error">{error}</p>}
      <form onSubmit={submit} className="stack">
        <label htmlFor="username">{t.username}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">{t.signIn}</button>
      </form>
    </>
  );
}
