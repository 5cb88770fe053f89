import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, ok, setCsrfToken, type CatalogueResult, type Me, type ServiceDetail } from './api.js';
import { useLang } from './i18n.js';
import { useUnreadMessages } from './unread-messages.js';
import { ActingForProvider, useActingFor } from './acting-for.js';
import { AppShell, Badge, Button, LangContext, navigate, onLinkClick, useLocation, usePageLanguage, type Lang, type NavItem } from './ui/index.js';
import { LoginPage } from './pages/login-page.js';
import { TermsPage } from './pages/terms-page.js';
import { CataloguePage } from './pages/catalogue/catalogue-page.js';
import { ServicePage } from './pages/catalogue/service-page.js';
import { AccessibilityPage } from './pages/accessibility-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { goToWorkspace, isStaff } from './staff.js';

// Pages behind the login load when first needed: the catalogue (rendered on the server too) needs not wait for the form viewer.
const OrderPage = lazy(() => import('./pages/order-page.js').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./pages/orders-page.js').then((m) => ({ default: m.OrdersPage })));
const InformationPage = lazy(() => import('./pages/information-page.js').then((m) => ({ default: m.InformationPage })));
const MessagesPage = lazy(() => import('./pages/messages-page.js').then((m) => ({ default: m.MessagesPage })));
const SettingsPage = lazy(() => import('./pages/settings-page.js').then((m) => ({ default: m.SettingsPage })));
const ActingForPage = lazy(() => import('./pages/acting-for-page.js').then((m) => ({ default: m.ActingForPage })));
const AuthorisationsPage = lazy(() => import('./pages/acting-for-page.js').then((m) => ({ default: m.AuthorisationsPage })));
const OrderDetailPage = lazy(() => import('./pages/order-detail/order-detail-page.js').then((m) => ({ default: m.OrderDetailPage })));

/** What the server fetched for the page it rendered, so the browser need not fetch it again. */
export interface PageData { catalogue?: CatalogueResult; service?: ServiceDetail | null }

/** The citizen portal: which language, who is logged in, which page. */
export function App({ lang: initialLang, data = {} }: { lang: Lang; data?: PageData }) {
  const location = useLocation();
  const [lang, setLang] = usePageLanguage(initialLang, location);
  // undefined: not asked yet (also on the server); null: nobody is logged in.
  const [me, setMe] = useState<Me | null | undefined>(undefined);

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

  return (
    <LangContext value={lang}>
      <ActingForProvider userId={me?.user.id}>
        <Frame me={me} onLogout={() => signedIn(null)} onLanguage={setLang}>
          <Route url={location} me={me} data={data} onLogin={signedIn} />
        </Frame>
      </ActingForProvider>
    </LangContext>
  );
}

function Frame({ me, onLogout, onLanguage, children }: { me: Me | null | undefined; onLogout: () => void; onLanguage: (lang: Lang) => void; children: React.ReactNode }) {
  const { lang, t } = useLang();
  const path = useLocation().pathname;
  const citizen = !!me?.user.roles.includes('citizen');
  const { actingFor } = useActingFor();
  const unread = useUnreadMessages(citizen);
  const nav: NavItem[] = useMemo(() => [
    { href: `/?lang=${lang}`, label: t.catalogue, current: path === '/' || path.startsWith('/services') },
    ...(me && !isStaff(me) ? [{ href: `/orders?lang=${lang}`, label: t.orders, current: path.startsWith('/orders') }] : []),
    ...(citizen ? [{
      href: `/messages?lang=${lang}`, current: path.startsWith('/messages'),
      label: <>{t.messages}{unread > 0 && <> <Badge data-color="danger" count={unread} aria-hidden="true" /><span className="visually-hidden"> ({t.unreadBadge(unread)})</span></>}</>,
    }] : []),
  ], [lang, t, me, path, citizen, unread]);
  const logout = async () => {
    await api.DELETE('/api/session');
    onLogout();
    navigate(`/?lang=${lang}`);
  };
  const account = me
    ? (
      <div className="account">
        <span className="account__name">{me.user.displayName}</span>
        {isStaff(me) && <a href={`/workspace/?lang=${lang}`}>{t.workspace}</a>}
        {citizen && (
          <a className="account__acting" href={`/acting-for?lang=${lang}&returnTo=${encodeURIComponent(path)}`} onClick={onLinkClick} data-testid="acting-for">
            {t.actingAs}: {actingFor.kind === 'self' ? t.actingSelf(me.user.displayName) : actingFor.name}
          </a>
        )}
        <Button variant="tertiary" data-size="sm" className="on-accent" onClick={logout}>{t.logout}</Button>
      </div>
    )
    : me === null && !path.startsWith('/login') ? <a className="account__login" href={`/login?lang=${lang}&returnTo=${encodeURIComponent(path)}`}>{t.login}</a> : null;
  return <AppShell appName={t.portal} home={`/?lang=${lang}`} nav={nav} account={account} onLanguage={onLanguage}>{children}</AppShell>;
}

/** Pages anybody may see, and pages that need a logged-in person who accepted the terms of use. */
function Route({ url, me, data, onLogin }: { url: URL; me: Me | null | undefined; data: PageData; onLogin: (me: Me) => void }) {
  const path = url.pathname;
  if (path === '/') return <CataloguePage url={url} initial={data.catalogue} />;
  if (path === '/accessibility') return <AccessibilityPage />;
  if (path === '/login') return <LoginPage returnTo={url.searchParams.get('returnTo')} eidError={url.searchParams.get('eidError')} onLogin={onLogin} />;
  const order = /^\/services\/([a-z0-9-]+)\/order$/.exec(path);
  const service = /^\/services\/([a-z0-9-]+)$/.exec(path);
  if (service) return <ServicePage code={service[1]!} initial={data.service} />;
  const detail = /^\/orders\/([0-9a-f-]{36})$/.exec(path);
  const information = /^\/orders\/([0-9a-f-]{36})\/information$/.exec(path);
  const own = ['/orders', '/messages', '/settings', '/acting-for', '/authorisations'].includes(path);
  if (!order && !detail && !information && !own) return <NotFoundPage />;

  if (me === undefined) return <Loading />;
  if (me === null) return <LoginPage returnTo={path + url.search} onLogin={onLogin} reason="order" />;
  if (isStaff(me)) return <ToWorkspace />;
  if (me.terms.currentVersion !== null && !me.terms.accepted) return <TermsPage version={me.terms.currentVersion} onAccepted={() => onLogin({ ...me, terms: { ...me.terms, accepted: true } })} />;
  return (
    <Suspense fallback={<Loading />}>
      {order ? <OrderPage key={order[1]} service={order[1]!} />
        : detail ? <OrderDetailPage id={detail[1]!} />
        : information ? <InformationPage id={information[1]!} />
        : path === '/messages' ? <MessagesPage />
        : path === '/settings' ? <SettingsPage />
        : path === '/acting-for' ? <ActingForPage me={me} returnTo={url.searchParams.get('returnTo')} />
        : path === '/authorisations' ? <AuthorisationsPage />
        : <OrdersPage />}
    </Suspense>
  );
}

/** A member of staff on a citizen's page: his work is in the workspace (no citizen terms to accept). */
function ToWorkspace() {
  const { lang, t } = useLang();
  useEffect(() => goToWorkspace('/workspace/', lang), [lang]);
  return <p role="status">{t.loading}</p>;
}

function Loading() {
  const { t } = useLang();
  return <p role="status">{t.loading}</p>;
}
