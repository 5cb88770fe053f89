import { useEffect, useState } from 'react';
import { api, ok, type ServiceCard } from '../api.js';
import { localized, useLang } from '../i18n.js';
import { onLinkClick } from '../router.js';
import { PageHeading } from '../components/page-heading.js';

/** Published services that can be ordered online. */
export function CataloguePage() {
  const { lang, t } = useLang();
  const [services, setServices] = useState<ServiceCard[]>();
  useEffect(() => { ok(api.GET('/api/services', { params: { query: { limit: 100 } } })).then((page) => setServices(page.items)); }, []);
  return (
    <>
      <PageHeading>{t.catalogue}</PageHeading>
      {!services ? <p role="status">{t.loading}</p> : (
        <ul className="cards">
          {services.filter((s) => s.published && s.onlineOrder).map((s) => (
            <li key={s.code}>
              <h2>{localized(s.title, lang)}</h2>
              <p>{localized(s.summary, lang)}</p>
              <p className="muted">{localized(s.provider.name, lang)}</p>
              <a href={`/services/${s.code}/order?lang=${lang}`} onClick={onLinkClick}>{t.order}<span className="visually-hidden">: {localized(s.title, lang)}</span></a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
