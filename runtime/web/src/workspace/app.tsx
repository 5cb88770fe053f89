import { useEffect, useMemo, useState } from 'react';
import { ApiError, setCsrfToken } from '../api.js';
import { AppLink, AppShell, Button, LangContext, PageHeading, Paragraph, useLocation, usePageLanguage, type Lang, type NavItem } from '../ui/index.js';
import { workspaceApi, type Me } from './api-types.js';
import { useTexts } from './i18n.js';
import { usePageTitle } from './page-title.js';
import { isOfficial, isSupervisor } from './roles.js';
import { MeContext } from './me.js';
import { BASE, inboxHref } from './paths.js';
import { InboxPage } from './inbox/inbox-page.js';
import { TaskPage } from './task/task-page.js';
import { CasePage } from './case/case-page.js';

/** The portal's login page, coming back here afterwards (a full page load: it is another app). */
function toLogin(lang: Lang): void {
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/login?${new URLSearchParams({ lang, returnTo: back }).toString()}`);
}

/** The officials' workspace: who is logged in (an official, else the login or a polite refusal), the frame and the page. */
export function WorkspaceApp({ lang: initialLang }: { lang: Lang }) {
  const location = useLocation();
  const [lang, setLang] = usePageLanguage(initialLang, location);
  // undefined: not known yet; null: nobody is logged in (the login page is on its way).
  const [me, setMe] = useState<Me | null>();
  useEffect(() => {
    workspaceApi.me().then((answer) => {
      setCsrfToken(answer.csrfToken);
      setMe(answer);
    }, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        setMe(null);
        toLogin(initialLang);
      } else throw error;
    });
  }, [initialLang]);

  return (
    <LangContext value={lang}>
      <MeContext value={me ?? null}>
        <Frame me={me} onLanguage={setLang}>
          {me === undefined ? <Loading /> : me === null ? <Redirecting /> : !isOfficial(me) ? <NotForYou /> : <Route url={location} me={me} />}
        </Frame>
      </MeContext>
    </LangContext>
  );
}

function Frame({ me, onLanguage, children }: { me: Me | null | undefined; onLanguage: (lang: Lang) => void; children: React.ReactNode }) {
  const { lang, t } = useTexts();
  const url = useLocation();
  const official = !!me && isOfficial(me);
  const supervisor = !!me && isSupervisor(me);
  const inInbox = url.pathname === BASE || url.pathname === `${BASE}/`;
  const view = url.searchParams.get('view');
  const nav: NavItem[] = useMemo(() => (official ? [
    { href: `${BASE}/?lang=${lang}`, label: t.inbox, current: inInbox && view !== 'overdue' && !(supervisor && view === 'all') },
    ...(supervisor ? [
      { href: `${BASE}/?view=overdue&sort=due&lang=${lang}`, label: t.overdueNav, current: inInbox && view === 'overdue' },
      { href: `${BASE}/?view=all&lang=${lang}`, label: t.allWork, current: inInbox && view === 'all' },
    ] : []),
  ] : []), [official, supervisor, lang, t, inInbox, view]);
  const logout = async () => {
    await workspaceApi.logout();
    window.location.assign(`/login?${new URLSearchParams({ lang, returnTo: `${BASE}/` }).toString()}`);
  };
  const account = me && (
    <div className="account">
      <span className="account__name" data-testid="account-name">{me.user.displayName}</span>
      <Button variant="tertiary" data-size="sm" className="on-accent" onClick={logout}>{t.logout}</Button>
    </div>
  );
  return (
    <AppShell appName={t.workspace} home={`${BASE}/?lang=${lang}`} nav={nav} account={account} onLanguage={onLanguage}
      footer={<a href={`/accessibility?lang=${lang}`}>{t.accessibility}</a>}>
      {children}
    </AppShell>
  );
}

function Route({ url, me }: { url: URL; me: Me }) {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === BASE) return <InboxPage url={url} supervisor={isSupervisor(me)} />;
  const task = /^\/workspace\/tasks\/([0-9a-f-]{36})$/.exec(path);
  if (task) return <TaskPage key={task[1]} id={task[1]!} />;
  const application = /^\/workspace\/cases\/([0-9a-f-]{36})$/.exec(path);
  if (application) return <CasePage key={application[1]} id={application[1]!} />;
  return <NotFound />;
}

function Loading() {
  const { t } = useTexts();
  return <p role="status">{t.loading}</p>;
}

function Redirecting() {
  const { t } = useTexts();
  return <p role="status">{t.loginRedirect}</p>;
}

/** A citizen who found his way here: this is not his, his things are in the portal. */
function NotForYou() {
  const { lang, t } = useTexts();
  usePageTitle(t.notForCitizens);
  return (
    <div className="stack-narrow" data-testid="not-for-citizens">
      <PageHeading>{t.notForCitizens}</PageHeading>
      <Paragraph>{t.notForCitizensLead}</Paragraph>
      <Paragraph><a href={`/orders?lang=${lang}`}>{t.toPortal}</a></Paragraph>
    </div>
  );
}

function NotFound() {
  const { lang, t } = useTexts();
  usePageTitle(t.notFound);
  return (
    <>
      <PageHeading>{t.notFound}</PageHeading>
      <Paragraph>{t.notFoundLead}</Paragraph>
      <Paragraph><AppLink href={inboxHref(lang)}>{t.toInbox}</AppLink></Paragraph>
    </>
  );
}
