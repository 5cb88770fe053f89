import { api, type Me } from '../api.js';
import { LANGUAGES, useLang, type Lang } from '../i18n.js';
import { navigate, onLinkClick } from '../router.js';

/** Site name, navigation, language switch. The language is kept in the address (?lang=). */
export function Header({ me, onLang, onLogout }: { me: Me | null; onLang: (lang: Lang) => void; onLogout: () => void }) {
  const { lang, t } = useLang();
  const choose = (next: Lang) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    navigate(url.pathname + url.search);
    onLang(next);
  };
  const logout = async () => {
    await api.DELETE('/api/session');
    onLogout();
    navigate('/');
  };
  return (
    <header className="site-header">
      <a href="/" onClick={onLinkClick} className="site-name">{t.portal}</a>
      {me && (
        <nav aria-label={t.portal}>
          <a href="/" onClick={onLinkClick}>{t.catalogue}</a>
          <a href="/orders" onClick={onLinkClick}>{t.orders}</a>
          <button type="button" className="link" onClick={logout}>{t.logout}</button>
        </nav>
      )}
      <div role="group" aria-label={t.language} className="languages">
        {LANGUAGES.map((code) => (
          <button key={code} type="button" lang={code} aria-pressed={code === lang} onClick={() => choose(code)}>{code.toUpperCase()}</button>
        ))}
      </div>
    </header>
  );
}
