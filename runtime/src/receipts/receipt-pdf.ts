/** The submission receipt as a PDF on the shared layout, in the submitter's language; sealed afterwards. */
import { layoutPdf, pdfLine, type PdfContent } from '@konstruktor/connectors';
import type { FormSchema } from '@konstruktor/forms';
import { answersContent } from '../applications/answers-pdf.js';
import type { Language } from '../common/schemas.js';
import type { ApplicationReceipt } from './receipt.entity.js';

export interface ReceiptSheet {
  receipt: ApplicationReceipt;
  serviceTitle: string;
  /** The start form with its texts in the receipt's language (localizeForm). */
  form: FormSchema;
  files: Map<string, { filename: string; sha256: string }>;
}

const WORDS: Record<Language, {
  heading: string; caseCode: string; service: string; submitter: string; onBehalfOf: string; represented: string; submittedAt: string;
  terms: string; noTerms: string; digest: string; declaration: string; seal: string; answers: string;
}> = {
  lt: {
    heading: 'Prašymo pateikimo kvitas', caseCode: 'Bylos kodas', service: 'Paslauga', submitter: 'Pateikė', onBehalfOf: 'Atstovaujamo juridinio asmens kodas',
    represented: 'Pateikta pagal įgaliojimą asmens vardu',
    submittedAt: 'Pateikimo laikas', terms: 'Naudojimosi taisyklių redakcija', noTerms: 'nebuvo galiojančių taisyklių',
    digest: 'Atsakymų santrauka (SHA-256, kanoninis JSON pagal RFC 8785)', declaration: 'Patvirtinimas',
    seal: 'Šis kvitas patvirtintas platformos elektroniniu spaudu (PAdES).', answers: 'Pateikti atsakymai',
  },
  lv: {
    heading: 'Pieteikuma iesniegšanas apliecinājums', caseCode: 'Lietas kods', service: 'Pakalpojums', submitter: 'Iesniedza', onBehalfOf: 'Pārstāvētās juridiskās personas kods',
    represented: 'Iesniegts uz pilnvarojuma pamata personas vārdā',
    submittedAt: 'Iesniegšanas laiks', terms: 'Lietošanas noteikumu versija', noTerms: 'nebija spēkā esošu noteikumu',
    digest: 'Atbilžu jaucējkods (SHA-256, kanonisks JSON pēc RFC 8785)', declaration: 'Apliecinājums',
    seal: 'Šis apliecinājums ir apzīmogots ar platformas elektronisko zīmogu (PAdES).', answers: 'Iesniegtās atbildes',
  },
  en: {
    heading: 'Submission receipt', caseCode: 'Case code', service: 'Service', submitter: 'Submitted by', onBehalfOf: 'On behalf of the legal entity',
    represented: 'Submitted under authorisation on behalf of',
    submittedAt: 'Submitted at', terms: 'Terms of use version', noTerms: 'no terms were in effect',
    digest: 'Answers digest (SHA-256 of the canonical JSON, RFC 8785)', declaration: 'Declaration',
    seal: "This receipt is sealed with the platform's electronic seal (PAdES).", answers: 'Submitted answers',
  },
};

/** A label with its value on the line below, full width: a digest must not wrap. */
const field = (label: string, value: string): PdfContent[] => [pdfLine(label, { bold: true, gapBefore: 6 }), pdfLine(value, { indent: 1, gapBefore: 1 })];

/** The reason the seal's signature names, as PDF readers show it. */
export const sealReason = (receipt: Pick<ApplicationReceipt, 'language' | 'caseCode'>): string =>
  `${WORDS[receipt.language].heading}, ${WORDS[receipt.language].caseCode} ${receipt.caseCode}`;

/** A4 PDF of the receipt, unsealed. */
export async function receiptPdf({ receipt, serviceTitle, form, files }: ReceiptSheet): Promise<Uint8Array> {
  const words = WORDS[receipt.language];
  const submitter = receipt.submitterCode ? `${receipt.submitterName} (${receipt.submitterCode})` : receipt.submitterName;
  const { pdf } = await layoutPdf({
    title: `${words.heading} — ${words.caseCode} ${receipt.caseCode}`,
    language: receipt.language,
    content: [
      { text: words.heading, style: 'title' },
      field(words.caseCode, receipt.caseCode),
      field(words.service, serviceTitle),
      field(words.submitter, submitter),
      receipt.onBehalfOf ? field(words.onBehalfOf, receipt.onBehalfOf) : [],
      receipt.representedName ? field(words.represented, receipt.representedCode ? `${receipt.representedName} (${receipt.representedCode})` : receipt.representedName) : [],
      field(words.submittedAt, `${receipt.submittedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC`),
      field(words.terms, receipt.termsVersion === null ? words.noTerms : String(receipt.termsVersion)),
      field(words.digest, receipt.answersDigest),
      { text: words.declaration, style: 'heading' },
      { text: receipt.declaration, style: 'paragraph' },
      { text: words.seal, style: 'small', margin: [0, 6, 0, 0] },
      { text: words.answers, style: 'heading' },
      answersContent({ form, data: JSON.parse(receipt.answersCanonical) as Record<string, unknown>, files, locale: receipt.language }),
    ],
  });
  return pdf;
}
