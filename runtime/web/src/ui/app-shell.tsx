import type { ReactNode } from 'react';
import { SkipLink } from '@digdir/designsystemet-react';
import { LANGUAGES, rememberLanguage, useLanguage, type Lang } from './language.js';
import { useShellTexts } from './texts.js';
import { AppLink, navigate, useLocation } from './router.js';

export interface NavItem { href: string; label: ReactNode; current?: boolean }

/** The address of this page in another language: the same page, `?lang=` set. */
function inLanguage(url: URL, lang: Lang): string {
  const next = new URL(url);
  next.searchParams.set('lang', lang);
  return next.pathname + next.search;
}

/**
 * Links, not buttons: without a script a link still switches (the server renders the page in
 * that language and keeps the choice); with one, the choice is kept and the page re-renders.
 */
function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const lang = useLanguage();
  const t = useShellTexts();
  const url = useLocation();
  return (
    <nav aria-label={t.language} className="language-switch">
      <ul>
        {LANGUAGES.map((code) => (
          <li key={code}>
            <a href={inLanguage(url, code)} lang={code} hrefLang={code} aria-current={code === lang ? 'true' : undefined}
              onClick={(event) => {
                event.preventDefault();
                rememberLanguage(code);
                onChange(code);
                navigate(inLanguage(new URL(window.location.href), code), { replace: true });
              }}>
              <span aria-hidden="true">{code.toUpperCase()}</span><span className="visually-hidden">{t.languageNames[code]}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every page: skip link, header with the app's name, menu and account, language
 * switch, footer. `footer` replaces the footer's link to the portal's accessibility statement
 * (an app served elsewhere links to it with a full page load).
 */
export function AppShell({ appName, home, nav, account, onLanguage, footer, children }: {
  appName: ReactNode;
  home: string;
  nav: NavItem[];
  account?: ReactNode;
  onLanguage: (lang: Lang) => void;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const t = useShellTexts();
  const lang = useLanguage();
  return (
    <>
      <SkipLink href="#main">{t.skip}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <AppLink href={home} className="site-name">{appName}</AppLink>
          {nav.length > 0 && (
            <nav aria-label={t.menu} className="site-nav">
              <ul>
                {nav.map((item) => (
                  <li key={item.href}><AppLink href={item.href} aria-current={item.current ? 'page' : undefined}>{item.label}</AppLink></li>
                ))}
              </ul>
            </nav>
          )}
          <div className="site-header__end">
            {account}
            <LanguageSwitch onChange={onLanguage} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">{children}</main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t.footerNote}</p>
          {footer ?? <AppLink href={`/accessibility?lang=${lang}`}>{t.accessibility}</AppLink>}
        </div>
      </footer>
    </>
  );
}
