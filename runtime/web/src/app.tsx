import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, ok, setCsrfToken, type Me } from './api.js';
import { isLang, LangContext, texts, type Lang } from './i18n.js';
import { useLocation } from './router.js';
import { Header } from './components/header.js';
import { LoginPage } from './pages/login-page.js';
import { TermsPage } from './pages/terms-page.js';
import { CataloguePage } from './pages/catalogue-page.js';
import { OrderPage } from './pages/order-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { ConfirmationPage } from './pages/confirmation-page.js';

/** The citizen portal: who is logged in, which language, which page. */
export function App() {
  const location = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const queryLang = location.searchParams.get('lang');
  const [lang, setLang] = useState<Lang>(() => (isLang(queryLang) ? queryLang : 'lt'));
  useEffect(() => { if (isLang(queryLang)) setLang(queryLang); }, [queryLang]);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  const signedIn = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken);
    setMe(next);
  }, []);
  useEffect(() => {
    ok(api.GET('/api/me')).then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) signedIn(null);
      else throw error;
    });
  }, [signedIn]);

  const context = useMemo(() => ({ lang, t: texts(lang) }), [lang]);
  return (
    <LangContext value={context}>
      <a className="skip-link" href="#main">{context.t.skip}</a>
      <Header me={me ?? null} onLang={setLang} onLogout={() => signedIn(null)} />
      <main id="main" tabIndex={-1}>
        {me === undefined ? <p role="status">{context.t.loading}</p>
          : me === null ? <LoginPage onLogin={signedIn} />
          : me.terms.currentVersion !== null && !me.terms.accepted ? <TermsPage version={me.terms.currentVersion} onAccepted={() => signedIn({ ...me, terms: { ...me.terms, accepted: true } })} />
          : <Route path={location.pathname} />}
      </main>
    </LangContext>
  );
}

function Route({ path }: { path: string }) {
  const order = /^\/services\/([a-z0-9-]+)\/order$/.exec(path);
  if (order) return <OrderPage key={order[1]} service={order[1]!} />;
  const done = /^\/orders\/([0-9a-f-]{36})$/.exec(path);
  if (done) return <ConfirmationPage id={done[1]!} />;
  if (path === '/orders') return <OrdersPage />;
  return <CataloguePage />;
}
