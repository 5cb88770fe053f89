import { useCallback, useEffect, useState } from 'react';
import { api, ok, type ApplicationSummary } from '../api.js';
import { localized, useLang } from '../i18n.js';
import { StatusTag } from './status-tag.js';
import { AppLink, formatDateTime, PageHeading, PageLinks, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, useLocation } from '../ui/index.js';

/** Orders on one page of "My orders". */
const PAGE_SIZE = 20;
import { useApplicationChanges } from '../live.js';

/** "My orders": the citizen's applications, newest first; a status that changes changes here, without a reload. */
export function OrdersPage() {
  const { lang, t } = useLang();
  const pageNumber = Math.max(1, Number(useLocation().searchParams.get('page')) || 1);
  const [orders, setOrders] = useState<ApplicationSummary[]>();
  const [total, setTotal] = useState(0);
  const load = useCallback(() => {
    void ok(api.GET('/api/applications', { params: { query: { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE } } })).then((page) => {
      setOrders(page.items);
      setTotal(page.total);
    });
  }, [pageNumber]);
  useEffect(load, [load]);
  useApplicationChanges((change) => {
    // A known order takes its new status; one made elsewhere (another tab, a representative) reloads the list.
    if (orders?.some((o) => o.id === change.applicationId)) setOrders((known) => known?.map((o) => (o.id === change.applicationId ? { ...o, status: change.status } : o)));
    else load();
  });
  if (!orders) return <><PageHeading>{t.orders}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  return (
    <>
      <PageHeading>{t.orders}</PageHeading>
      <Paragraph className="muted">{t.live}</Paragraph>
      {orders.length === 0 ? <Paragraph>{t.noOrders}</Paragraph> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.orders}>
          <Table zebra>
            <TableHead><TableRow><TableHeaderCell scope="col">{t.number}</TableHeaderCell><TableHeaderCell scope="col">{t.service}</TableHeaderCell><TableHeaderCell scope="col">{t.status}</TableHeaderCell><TableHeaderCell scope="col">{t.submittedAt}</TableHeaderCell></TableRow></TableHead>
            <TableBody>
              {orders.map((o) => (
                <TableRow key={o.id}>
                  <TableCell><AppLink href={`/orders/${o.id}?lang=${lang}`}>{o.caseCode}</AppLink></TableCell>
                  <TableCell>
                    {localized(o.serviceTitle, lang)}
                    {o.onBehalfOfPerson && <div className="muted">{t.orderedFor(o.onBehalfOfPerson.name)}</div>}
                    {o.submittedBy && <div className="muted">{t.submittedUnderAuthorisation(o.submittedBy.name)}</div>}
                  </TableCell>
                  <TableCell><StatusTag status={o.status} testId="order-status" /></TableCell>
                  <TableCell>{formatDateTime(o.submittedAt, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PageLinks current={pageNumber} total={Math.ceil(total / PAGE_SIZE)} href={(n) => `/orders?lang=${lang}&page=${n}`} label={t.ordersPages} previous={t.previousPage} next={t.nextPage} />
    </>
  );
}
