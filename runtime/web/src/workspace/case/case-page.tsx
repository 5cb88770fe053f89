import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.js';
import { useApplicationChanges } from '../../live.js';
import { Alert, AppLink, PageHeading, Paragraph } from '../../ui/index.js';
import { workspaceApi, type CaseView as Case } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { useMe } from '../me.js';
import { inboxHref } from '../paths.js';
import { usePageTitle } from '../page-title.js';
import { isSupervisor } from '../roles.js';
import { CaseView } from './case-view.js';

/** A case on its own, for a supervisor (the opening is recorded as supervision). */
export function CasePage({ id }: { id: string }) {
  const { lang, t } = useTexts();
  const supervisor = isSupervisor(useMe());
  const [view, setView] = useState<Case>();
  const [failure, setFailure] = useState<string>();
  const load = useCallback(() => {
    workspaceApi.caseView(id, lang).then(setView, (e: unknown) => setFailure(e instanceof ApiError && e.status !== 404 ? e.message : t.notFoundLead));
  }, [id, lang, t]);
  useEffect(() => { if (supervisor) load(); }, [load, supervisor]);
  useApplicationChanges(load, id);
  usePageTitle(view ? t.caseTitle(view.application.caseCode) : t.caseOnly);
  if (!supervisor || failure) {
    return (
      <>
        <PageHeading>{t.caseOnly}</PageHeading>
        <Alert data-color="warning">{supervisor ? failure : t.supervisorsOnly}</Alert>
        <Paragraph><AppLink href={inboxHref(lang)}>{t.toInbox}</AppLink></Paragraph>
      </>
    );
  }
  if (!view) return <><PageHeading>{t.caseOnly}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  return (
    <>
      <PageHeading>{t.caseTitle(view.application.caseCode)}</PageHeading>
      <CaseView view={view} supervisor onChanged={load} />
    </>
  );
}
