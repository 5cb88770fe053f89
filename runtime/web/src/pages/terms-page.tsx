import { useEffect, useState } from 'react';
import { api, type Localized } from '../api.js';
import { localized, useLang } from '../i18n.js';
import { PageHeading } from '../components/page-heading.js';

/** The terms of use in effect, to accept before ordering anything. */
export function TermsPage({ version, onAccepted }: { version: number; onAccepted: () => void }) {
  const { lang, t } = useLang();
  const [terms, setTerms] = useState<{ title: Localized; body: Localized }>();
  useEffect(() => { api.get<{ title: Localized; body: Localized }>('/api/terms/current').then(setTerms); }, []);
  const accept = async () => {
    await api.post(`/api/me/terms/${version}/accept`);
    onAccepted();
  };
  return (
    <>
      <PageHeading>{terms ? localized(terms.title, lang) : t.terms}</PageHeading>
      {terms && <p>{localized(terms.body, lang)}</p>}
      <button type="button" onClick={accept}>{t.accept}</button>
    </>
  );
}
