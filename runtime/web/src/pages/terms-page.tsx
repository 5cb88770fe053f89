import { useEffect, useState } from 'react';
import { api, ok, type Answer } from '../api.js';
import { localized, useLang } from '../i18n.js';
import { Button, PageHeading, Paragraph } from '../ui/index.js';

/** The terms of use in effect, to accept before ordering anything. */
export function TermsPage({ version, onAccepted }: { version: number; onAccepted: () => void }) {
  const { lang, t } = useLang();
  const [terms, setTerms] = useState<Answer<'get', '/api/terms/current'>>();
  useEffect(() => { ok(api.GET('/api/terms/current')).then(setTerms); }, []);
  const accept = async () => {
    await api.POST('/api/me/terms/{version}/accept', { params: { path: { version } } });
    onAccepted();
  };
  return (
    <>
      <PageHeading>{terms ? localized(terms.title, lang) : t.terms}</PageHeading>
      {terms && <Paragraph>{localized(terms.body, lang)}</Paragraph>}
      <div className="actions"><Button type="button" onClick={accept}>{t.accept}</Button></div>
    </>
  );
}
