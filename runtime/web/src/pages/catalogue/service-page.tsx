import { useEffect, useState } from 'react';
import { api, ApiError, ok, type ServiceDetail } from '../../api.js';
import { localized, useLang } from '../../i18n.js';
import { AppLink, Heading, KeyValues, Link, PageHeading, Paragraph } from '../../ui/index.js';
import { useFee } from './service-list.js';
import { NotFoundPage } from '../not-found-page.js';

/** "P5D" → 5 days, "PT12H" → 12 hours; anything else as written. */
function useDuration() {
  const { t } = useLang();
  return (iso: string) => {
    const days = /^P(\d+)D$/.exec(iso)?.[1];
    if (days) return t.durationText(Number(days));
    const weeks = /^P(\d+)W$/.exec(iso)?.[1];
    if (weeks) return t.durationText(Number(weeks) * 7);
    const hours = /^PT(\d+)H$/.exec(iso)?.[1];
    return hours ? t.durationHours(Number(hours)) : iso;
  };
}

/** A service's card page: everything a citizen should know before ordering, and "Order online" or where else to get it. */
export function ServicePage({ code, initial }: { code: string; initial?: ServiceDetail | null }) {
  const { lang, t } = useLang();
  const fee = useFee();
  const duration = useDuration();
  const [service, setService] = useState<ServiceDetail | null | undefined>(initial === null || initial?.code === code ? initial : undefined);
  useEffect(() => {
    if (service === null || service?.code === code) return;
    ok(api.GET('/api/services/{code}', { params: { path: { code } } })).then(setService, (e: unknown) => {
      if (e instanceof ApiError && e.status === 404) setService(null);
      else throw e;
    });
  }, [code]);
  if (service === null) return <NotFoundPage />;
  if (!service) return <p role="status">{t.loading}</p>;
  const title = localized(service.title, lang);
  const facts = [
    { key: 'provider', term: t.provider, value: localized(service.provider.name, lang) },
    { key: 'audience', term: t.audience, value: service.audience.map((a) => t.audiences[a] ?? a).join(', ') },
    { key: 'price', term: t.price, value: fee(service.price) },
    { key: 'level', term: t.level, value: `${service.interactivityLevel} – ${t.levels[service.interactivityLevel] ?? ''}` },
    ...(service.duration ? [{ key: 'duration', term: t.duration, value: duration(service.duration) }] : []),
    ...(service.legalBasis ? [{ key: 'legal', term: t.legalBasis, value: service.legalBasis }] : []),
    ...(service.languages.length ? [{ key: 'languages', term: t.languages, value: service.languages.map((l) => t.languageNames[l] ?? l).join(', ') }] : []),
    ...(service.lifeEvents.length ? [{ key: 'life', term: t.lifeEvent, value: service.lifeEvents.map((c) => localized(service.lifeEventTitles[c], lang) || c).join(', ') }] : []),
    { key: 'number', term: t.serviceNumber, value: String(service.number) },
  ];
  return (
    <article className="service-page">
      <PageHeading>{title}</PageHeading>
      {service.summary && <Paragraph className="lead">{localized(service.summary, lang)}</Paragraph>}
      <div className="actions">
        {service.onlineOrder
          ? <AppLink className="ds-button" data-variant="primary" href={`/services/${service.code}/order?lang=${lang}`}>{t.orderOnline}<span className="visually-hidden">: {title}</span></AppLink>
          : service.serviceUrl && <Link href={service.serviceUrl}>{t.orderElsewhere}</Link>}
      </div>
      <Heading level={2} data-size="sm">{t.aboutService}</Heading>
      <KeyValues items={facts} />
      {service.requiredDocuments.length > 0 && (
        <>
          <Heading level={2} data-size="sm">{t.requiredDocuments}</Heading>
          <ul>{service.requiredDocuments.map((d, i) => <li key={i}>{localized(d, lang)}</li>)}</ul>
        </>
      )}
    </article>
  );
}
