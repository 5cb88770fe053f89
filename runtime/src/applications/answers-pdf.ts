/** The "submitted answers" PDF of an application: its content on the shared PDF layout. */
import { layoutPdf, pdfLine, type PdfContent } from '@konstruktor/connectors';
import { isRepeatingList, labelOf, splitKey, type FormComponent, type FormSchema } from '@konstruktor/forms';
import type { Locale } from '../forms/start-form.js';

/** What the answers PDF shows besides the form: the case and the files by name and checksum. */
export interface AnswersSheet {
  title: string;
  number: string;
  submittedAt: Date;
  /** The form with its texts in `locale` (localizeForm). */
  form: FormSchema;
  data: Record<string, unknown>;
  files: Map<string, { filename: string; sha256: string }>;
  locale: Locale;
}

const WORDS: Record<Locale, { heading: string; number: string; submitted: string; yes: string; no: string; checksum: string; row: string }> = {
  lt: { heading: 'Pateikti atsakymai', number: 'Prašymo Nr.', submitted: 'Pateikta', yes: 'Taip', no: 'Ne', checksum: 'SHA-256', row: 'Įrašas' },
  lv: { heading: 'Iesniegtās atbildes', number: 'Pieteikuma Nr.', submitted: 'Iesniegts', yes: 'Jā', no: 'Nē', checksum: 'SHA-256', row: 'Ieraksts' },
  en: { heading: 'Submitted answers', number: 'Application no.', submitted: 'Submitted', yes: 'Yes', no: 'No', checksum: 'SHA-256', row: 'Entry' },
};

/** What the answers need of a sheet to be laid out. */
type AnswersOnly = Pick<AnswersSheet, 'form' | 'data' | 'files' | 'locale'>;

function valueText(component: FormComponent, value: unknown, sheet: AnswersOnly): string {
  const words = WORDS[sheet.locale];
  const option = (v: unknown) => component.values?.find((o) => o.value === v)?.label ?? String(v);
  if (component.type === 'filepicker') {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => {
      const file = sheet.files.get(String(id));
      return file ? `${file.filename} (${words.checksum} ${file.sha256})` : String(id);
    }).join('; ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (typeof value === 'number') return value.toLocaleString(sheet.locale === 'en' ? 'en-GB' : sheet.locale);
  if (component.values) return option(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The answers in form order, a line each (a heading, or a label with its value, indented by nesting): labels
 * from the form, only fields that hold a value, repeating groups as numbered entries.
 */
function answerLines(components: readonly FormComponent[], data: unknown, sheet: AnswersOnly, indent: number): PdfContent[] {
  const lines: PdfContent[] = [];
  const at = (path: string | undefined) => splitKey(path).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), data);
  for (const component of components) {
    if (isRepeatingList(component)) {
      const rows = at(component.path);
      if (!Array.isArray(rows) || !rows.length) continue;
      lines.push(pdfLine(component.label ?? '', { indent, bold: true, gapBefore: 6 }));
      rows.forEach((row, i) => {
        lines.push(pdfLine(`${WORDS[sheet.locale].row} ${i + 1}`, { indent: indent + 1, bold: true }));
        lines.push(...answerLines(component.components ?? [], row, sheet, indent + 2));
      });
    } else if (component.components) {
      const inner = answerLines(component.components, component.path ? at(component.path) : data, sheet, indent + (component.label ? 1 : 0));
      if (inner.length && component.label) lines.push(pdfLine(component.label, { indent, bold: true, gapBefore: 8 }));
      lines.push(...inner);
    } else if (component.key) {
      const value = at(component.key);
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
      lines.push(pdfLine(`${labelOf(component) ?? component.key}: ${valueText(component, value, sheet)}`, { indent }));
    }
  }
  return lines;
}

/** The answers as lines of PDF content, for the documents that show them (this one, the submission receipt). */
export function answersContent(sheet: AnswersOnly): PdfContent[] {
  return answerLines(sheet.form.components, sheet.data, sheet, 0);
}

/** A4 PDF of what the applicant submitted, in the requested language. */
export async function answersPdf(sheet: AnswersSheet): Promise<Uint8Array> {
  const words = WORDS[sheet.locale];
  const { pdf } = await layoutPdf({
    title: `${sheet.title} — ${words.number} ${sheet.number}`,
    language: sheet.locale,
    content: [
      { text: sheet.title, style: 'title' },
      { text: words.heading, style: 'heading', margin: [0, 6, 0, 0] },
      { text: `${words.number} ${sheet.number} · ${words.submitted} ${sheet.submittedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, style: 'small', margin: [0, 2, 0, 0] },
      answersContent(sheet),
    ],
  });
  return pdf;
}
