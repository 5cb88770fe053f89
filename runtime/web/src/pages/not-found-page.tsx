import { useLang } from '../i18n.js';
import { AppLink, PageHeading, Paragraph } from '../ui/index.js';

export function NotFoundPage() {
  const { lang, t } = useLang();
  return (
    <>
      <PageHeading>{t.notFound}</PageHeading>
      <Paragraph>{t.notFoundLead}</Paragraph>
      <AppLink href={`/?lang=${lang}`}>{t.toCatalogue}</AppLink>
    </>
  );
}
