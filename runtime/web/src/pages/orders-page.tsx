import { useEffect, useState } from 'react';
import { api, type ApplicationSummary } from '../api.js';
import { useLang } from '../i18n.js';
import { onLinkClick } from '../router.js';
import { PageHeading } from '../components/page-heading.js';

/** "My orders": the citizen's applications, newest first. */
export function OrdersPage() {
  const { lang, t } = useLang();
  const [orders, setOrders] = useState<ApplicationSummary[]>();
  useEffect(() => { api.get<{ items: ApplicationSummary[] }>('/api/applications?limit=50').then((page) => setOrders(page.items)); }, []);
  if (!orders) return <><PageHeading>{t.orders}</PageHeading><p role="status">{t.loading}</p></>;
  return (
    <>
      <PageHeading>{t.orders}</PageHeading>
      {orders.length === 0 ? <p>{t.noOrders}</p> : (
        <table>
          <thead><tr><th scope="col">{t.number}</th><th scope="col">{t.service}</th><th scope="col">{t.status}</th><th scope="col">{t.submittedAt}</th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td><a href={`/orders/${o.id}?lang=${lang}`} onClick={onLinkClick}>{o.number}</a></td>
                <td>{o.service}</td>
                <td>{o.status}</td>
                <td>{new Date(o.submittedAt).toLocaleString(lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
