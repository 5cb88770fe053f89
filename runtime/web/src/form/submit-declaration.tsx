import { useEffect, useState } from 'react';
import { api, ok, type Answer } from '../api.js';
import { useLang } from '../i18n.js';
import { Card, CardBlock, Heading, Paragraph } from '../ui/index.js';

/**
 * What pressing Submit confirms under the terms in effect (seed 003: it counts as signing). The
 * receipt of the order records these words in this language.
 */
export function SubmitDeclaration() {
  const { lang, t } = useLang();
  const [declaration, setDeclaration] = useState<Answer<'get', '/api/terms/declaration'>>();
  useEffect(() => { void ok(api.GET('/api/terms/declaration')).then(setDeclaration); }, []);
  if (!declaration) return null;
  return (
    <Card data-color="accent" variant="tinted" className="declaration" data-testid="declaration">
      <CardBlock>
        <Heading level={2} data-size="xs">{t.declarationTitle}</Heading>
        <Paragraph>{declaration.declaration[lang]}</Paragraph>
      </CardBlock>
    </Card>
  );
}
