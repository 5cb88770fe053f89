import { useCallback, useEffect, useState } from 'react';
import { api, ok, type Answer } from '../api.js';
import { useLang } from '../i18n.js';
import { useMessageChanges } from '../live.js';
import { AppLink, Card, CardBlock, Details, DetailsContent, DetailsSummary, formatDateTime, PageHeading, PageLinks, Paragraph, Tag, useLocation } from '../ui/index.js';

type Message = Answer<'get', '/api/me/messages'>['items'][number];

const PAGE_SIZE = 20;

/** The citizen's messages, newest first; opening one marks it read; each links to its order and documents. */
export function MessagesPage() {
  const { lang, t } = useLang();
  const pageNumber = Math.max(1, Number(useLocation().searchParams.get('page')) || 1);
  const [page, setPage] = useState<{ items: Message[]; total: number; unread: number }>();
  const load = useCallback(() => {
    void ok(api.GET('/api/me/messages', { params: { query: { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE } } })).then(setPage);
  }, [pageNumber]);
  useEffect(load, [load]);
  useMessageChanges(load);
  const read = async (message: Message) => {
    if (message.readAt) return;
    await api.POST('/api/me/messages/{id}/read', { params: { path: { id: message.id } } });
    load();
  };
  return (
    <>
      <PageHeading>{t.messages}</PageHeading>
      <Paragraph className="muted">{page ? t.unreadCount(page.unread) : t.loading}</Paragraph>
      <Paragraph><AppLink href={`/settings?lang=${lang}`}>{t.notificationSettings}</AppLink></Paragraph>
      {page && page.items.length === 0 && <Paragraph>{t.noMessages}</Paragraph>}
      <ul className="messages" data-testid="messages">
        {page?.items.map((m) => (
          <li key={m.id}>
            <Card data-color={m.readAt ? 'neutral' : 'accent'} variant={m.readAt ? 'default' : 'tinted'}>
              <CardBlock>
                <Details onToggle={(event: Event) => { if ((event.currentTarget as HTMLDetailsElement | null)?.open !== false) void read(m); }}>
                  <DetailsSummary>
                    <span className={m.readAt ? 'message__subject' : 'message__subject message__subject--unread'}>{m.subject}</span>
                    {!m.readAt && <Tag data-color="info" data-size="sm">{t.unread}</Tag>}
                    <span className="message__date">{formatDateTime(m.createdAt, lang)}</span>
                  </DetailsSummary>
                  <DetailsContent>
                    <Paragraph className="message__body">{m.body}</Paragraph>
                    {m.applicationId && m.caseCode && <Paragraph><AppLink href={`/orders/${m.applicationId}?lang=${lang}`}>{t.orderHeading(m.caseCode)}</AppLink></Paragraph>}
                    {m.documents.length > 0 && <ul>{m.documents.map((d) => <li key={d.id}><a href={d.href} download>{d.filename}</a></li>)}</ul>}
                  </DetailsContent>
                </Details>
              </CardBlock>
            </Card>
          </li>
        ))}
      </ul>
      {page && <PageLinks current={pageNumber} total={Math.ceil(page.total / PAGE_SIZE)} href={(n) => `/messages?lang=${lang}&page=${n}`} label={t.messages} previous={t.previousPage} next={t.nextPage} />}
    </>
  );
}
