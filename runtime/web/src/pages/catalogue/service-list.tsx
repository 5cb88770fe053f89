import { type CatalogueResult } from '../../api.js';
import { localized, useLang } from '../../i18n.js';
import { AppLink, Card, CardBlock, Heading, Paragraph, Tag, formatMoney } from '../../ui/index.js';

type Service = CatalogueResult['items'][number];

/** The fee as a card says it: "Free of charge" or "2,50 €". */
export function useFee() {
  const { lang, t } = useLang();
  return (price: Service['price']) => (price === 'free' ? t.free : formatMoney(price.amount, price.currency, lang));
}

function ServiceCard({ service }: { service: Service }) {
  const { lang, t } = useLang();
  const fee = useFee();
  const title = localized(service.title, lang);
  return (
    <Card className="service-card" data-color="neutral">
      <CardBlock>
        <Heading level={3} data-size="xs"><AppLink href={`/services/${service.code}?lang=${lang}`}>{title}</AppLink></Heading>
        {service.summary && <Paragraph>{localized(service.summary, lang)}</Paragraph>}
        <Paragraph className="muted" data-size="sm">{localized(service.provider.name, lang)}</Paragraph>
        <ul className="tags" aria-label={t.aboutService}>
          <li><Tag data-color={service.price === 'free' ? 'success' : 'info'}>{t.price}: {fee(service.price)}</Tag></li>
          <li><Tag data-color="neutral" title={t.levels[service.interactivityLevel]}>{t.levelShort(service.interactivityLevel)}</Tag></li>
          {!service.onlineOrder && <li><Tag data-color="warning">{t.notOnline}</Tag></li>}
        </ul>
      </CardBlock>
    </Card>
  );
}

/** The services found, with their number announced as it changes. */
export function ServiceList({ result }: { result: CatalogueResult | undefined }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="catalogue-results" className="catalogue-results">
      <h2 id="catalogue-results" className="ds-heading" data-size="xs" aria-live="polite">{result ? t.found(result.total) : t.loading}</h2>
      {result && result.items.length === 0 && <Paragraph>{t.noServices}</Paragraph>}
      <ul className="service-cards">
        {result?.items.map((s) => <li key={s.code}><ServiceCard service={s} /></li>)}
      </ul>
    </section>
  );
}
