import { useCallback, useEffect, useState } from 'react';
import { api, ok, type ApplicationSummary } from '../api.js';
import { named, useLang } from '../i18n.js';
import { useApplicationChanges } from '../live.js';
import { onLinkClick } from '../router.js';
import { PageHeading } from '../components/page-heading.js';

/** "My orders": the citizen's applications, newest first; a status that changes changes here, without a reload. */
export function OrdersPage() {
  const { lang, t } = useLang();
  const [orders, setOrders] = useState<ApplicationSummary[]>();
  const load = useCallback(() => { void ok(api.GET('/api/applications', { params: { query: { limit: 50 } } })).then((page) => setOrders(page.items)); }, []);
  useEffect(load, [load]);
  useApplicationChanges((change) => {
    // A known order takes its new status; one made elsewhere (another tab, a representative) reloads the list.
    if (orders?.some((o) => o.id === change.applicationId)) setOrders((known) => known?.map((o) => (o.id === change.applicationId ? { ...o, status: change.status } : o)));
    else load();
  });
  if (!orders) return <><PageHeading>{t.orders}</PageHeading><p role="status">{t.loading}</p></>;
  return (
    <>
      <PageHeading>{t.orders}</PageHeading>
      <p className="muted">{t.live}</p>
      {orders.length === 0 ? <p>{t.noOrders}</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.orders}>
        <table>
          <thead><tr><th scope="col">{t.number}</th><th scope="col">{t.service}</th><th scope="col">{t.status}</th><th scope="col">{t.submittedAt}</th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td><a href={`/orders/${o.id}?lang=${lang}`} onClick={onLinkClick}>{o.number}</a></td>
                <td>{o.service}</td>
                <td data-testid="order-status">{named(t.statuses, o.status)}</td>
                <td>{new Date(o.submittedAt).toLocaleString(lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
