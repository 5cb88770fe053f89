import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { localized, useTexts } from './i18n.js';
import { editorPath, navigate, onLinkClick } from './router.js';
import { fileBase64, nextVersion, readOnlyState, shellApi, type ServiceSummary, type VersionSummary } from './services-api.js';
import { ErrorNote } from './ErrorNote.js';

/** The agency's services with every version: open, export, copy; create a service or import a package. */
export function ServicesPage() {
  const { t, locale } = useTexts();
  const [services, setServices] = useState<ServiceSummary[]>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const reload = useCallback(() => shellApi.services().then((r) => setServices(r.items), setError), []);
  useEffect(() => { void reload(); }, [reload]);

  /** Runs an action, then shows its outcome and the fresh list. */
  const act = async (action: () => Promise<string>) => {
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      await reload();
    } catch (e) {
      setError(e);
    }
  };

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    void act(async () => {
      const created = await shellApi.create(String(form.get('code')), String(form.get('title')), locale);
      target.reset();
      navigate(editorPath(created.code, created.version));
      return t.created(created.code);
    });
  };

  const importZip = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('zip') as HTMLInputElement).files?.[0];
    if (!file) return;
    const target = event.currentTarget;
    void act(async () => {
      const imported = await shellApi.importZip(await fileBase64(file));
      target.reset();
      return t.importDone(imported.code, imported.version);
    });
  };

  return (
    <section className="services">
      <h1>{t.services}</h1>
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <ErrorNote error={error} />
      {services === undefined ? <p>{t.loading}</p> : services.length === 0 ? <p>{t.noServices}</p> : (
        <table>
          <thead><tr><th scope="col">{t.code}</th><th scope="col">{t.title}</th><th scope="col">{t.versions}</th></tr></thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.code}>
                <td><code>{s.code}</code></td>
                <td>{localized(s.title, locale)}</td>
                <td>
                  <ul className="versions">
                    {s.versions.map((v) => <VersionRow key={v.version} code={s.code} version={v} onCopy={(to) => act(async () => {
                      const copied = await shellApi.copy(s.code, v.version, to);
                      return t.copyDone(copied.version);
                    })} />)}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="side-by-side">
        <form onSubmit={create} className="stack card">
          <h2>{t.createService}</h2>
          <label htmlFor="new-code">{t.code}</label>
          <input id="new-code" name="code" required pattern="[a-z0-9-]+" aria-describedby="new-code-hint" />
          <small id="new-code-hint">a-z, 0-9, -</small>
          <label htmlFor="new-title">{t.title}</label>
          <input id="new-title" name="title" required />
          <button type="submit">{t.create}</button>
        </form>
        <form onSubmit={importZip} className="stack card">
          <h2>{t.importPackage}</h2>
          <label htmlFor="zip">ZIP</label>
          <input id="zip" name="zip" type="file" accept=".zip,application/zip" required />
          <button type="submit">{t.importPackage}</button>
        </form>
      </div>
    </section>
  );
}

function VersionRow({ code, version, onCopy }: { code: string; version: VersionSummary; onCopy: (to: string) => Promise<void> }) {
  const { t } = useTexts();
  const [to, setTo] = useState(() => nextVersion(version.version));
  const id = `copy-${code}-${version.version}`;
  return (
    <li>
      <a href={editorPath(code, version.version)} onClick={onLinkClick}>
        {readOnlyState(version.state) ? t.view : t.open} {code} {version.version}
      </a>{' '}
      <span className={`state state-${version.state}`}>{t.states[version.state] ?? version.state}</span>{' '}
      <a href={shellApi.exportUrl(code, version.version)} download={`${code}-${version.version}.zip`}>{t.exportZip}<span className="visually-hidden"> {code} {version.version}</span></a>{' '}
      <form className="inline" onSubmit={(e) => { e.preventDefault(); void onCopy(to); }}>
        <label htmlFor={id}>{t.copyAs}<span className="visually-hidden"> ({code} {version.version})</span></label>
        <input id={id} value={to} onChange={(e) => setTo(e.target.value)} size={8} required />
        <button type="submit">{t.copy}<span className="visually-hidden"> {code} {version.version}</span></button>
      </form>
    </li>
  );
}
