import { useEffect, useMemo, useState } from 'react';
import { setCsrfToken } from '../model/api.js';
import { LOCALES, type Locale } from '../model/types.js';
import { initialLocale, LocaleContext, texts, useTexts } from './i18n.js';
import { BASE, navigate, onLinkClick, useRoute } from './router.js';
import { shellApi, type Me } from './services-api.js';
import { LoginPage } from './LoginPage.js';
import { ServicesPage } from './ServicesPage.js';
import { EditorPage } from './EditorPage.js';
import { prefetchProcessCode, prefetchProcessTab } from './tabs.js';

/** Each language named in itself, as a speaker looks for it in the picker. */
const LANGUAGE_NAMES: Record<Locale, string> = { lt: 'Lietuvių', lv: 'Latviešu', en: 'English' };

/** Roles the designer's API serves (runtime designer-router: read for both, write for analysts). */
const DESIGNER_ROLES = ['analyst', 'developer'];
const mayDesign = (me: Me) => me.user.roles.some((role) => DESIGNER_ROLES.includes(role));

/** What an official or anyone else without a designer role sees instead of a page that would only answer 403. */
function NotForStaff() {
  const { t } = useTexts();
  return (
    <section className="stack">
      <h1>{t.notForStaff}</h1>
      <p><a href="/workspace/">{t.toWorkspace}</a></p>
    </section>
  );
}

/** The designer: who is logged in, the language, and which page the address names. */
export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [me, setMe] = useState<Me | null>();
  const route = useRoute();
  const value = useMemo(() => ({ locale, t: texts(locale) }), [locale]);
  const { t } = value;

  useEffect(() => {
    // No session (401) or any other failure: the login page.
    shellApi.me().then((found) => { setCsrfToken(found.csrfToken); setMe(found); }, () => setMe(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.app;
    localStorage.setItem('designer.locale', locale);
  }, [locale, t]);

  useEffect(prefetchProcessCode, []);
  useEffect(() => { if (me) prefetchProcessTab(locale); }, [me, locale]);

  const logout = async () => {
    await shellApi.logout().catch(() => undefined);
    setCsrfToken(undefined);
    setMe(null);
    navigate(BASE);
  };

  return (
    <LocaleContext.Provider value={value}>
      <a className="skip" href="#main">{t.skip}</a>
      <header className="top">
        <a href={BASE} onClick={onLinkClick} className="brand">{t.app}</a>
        <div className="top-actions">
          <label htmlFor="locale">{t.language}</label>
          <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
          </select>
          {me && <span className="who">{me.user.displayName}</span>}
          {me && <button type="button" onClick={logout}>{t.logout}</button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me === undefined ? <p>{t.loading}</p>
          : me === null ? <LoginPage onLogin={setMe} />
          : !mayDesign(me) ? <NotForStaff />
          : route.page === 'services' ? <ServicesPage />
          : route.page === 'editor' ? <EditorPage key={`${route.code}@${route.version}`} code={route.code} version={route.version} tab={route.tab} />
          : <p>{t.notFound}</p>}
      </main>
    </LocaleContext.Provider>
  );
}
