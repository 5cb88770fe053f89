import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { dejaVuSans } from '@konstruktor/connectors';
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

/** One line of the sheet: a heading, or a label with its value, indented by nesting. */
interface Line { text: string; bold?: boolean; indent: number; gapBefore?: number }

function valueText(component: FormComponent, value: unknown, sheet: AnswersSheet): string {
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

/** The answers in form order: labels from the form, only fields that hold a value, repeating groups as numbered entries. */
function answerLines(components: readonly FormComponent[], data: unknown, sheet: AnswersSheet, indent: number): Line[] {
  const lines: Line[] = [];
  const at = (path: string | undefined) => splitKey(path).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), data);
  for (const component of components) {
    if (isRepeatingList(component)) {
      const rows = at(component.path);
      if (!Array.isArray(rows) || !rows.length) continue;
      lines.push({ text: component.label ?? '', bold: true, indent, gapBefore: 6 });
      rows.forEach((row, i) => {
        lines.push({ text: `${WORDS[sheet.locale].row} ${i + 1}`, bold: true, indent: indent + 1 });
        lines.push(...answerLines(component.components ?? [], row, sheet, indent + 2));
      });
    } else if (component.components) {
      const inner = answerLines(component.components, component.path ? at(component.path) : data, sheet, indent + (component.label ? 1 : 0));
      if (inner.length && component.label) lines.push({ text: component.label, bold: true, indent, gapBefore: 8 });
      lines.push(...inner);
    } else if (component.key) {
      const value = at(component.key);
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
      lines.push({ text: `${labelOf(component) ?? component.key}: ${valueText(component, value, sheet)}`, indent });
    }
  }
  return lines;
}

/** Splits text into lines that fit `width` at `size` (words longer than a line are cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      if (line) { out.push(line); line = ''; }
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (font.widthOfTextAtSize(candidate, size) > width) { out.push(line); line = rest; } else line = candidate;
  }
  if (line) out.push(line);
  return out;
}

/** A4 PDF of what the applicant submitted, in the requested language. */
export async function answersPdf(sheet: AnswersSheet): Promise<Uint8Array> {
  const words = WORDS[sheet.locale];
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // DejaVu Sans covers Lithuanian and Latvian letters (ąčęėįšųūž, āčēģīķļņšūž); the standard PDF fonts do not.
  const { regular: regularBytes, bold: boldBytes } = await dejaVuSans();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  pdf.setTitle(`${sheet.title} — ${words.number} ${sheet.number}`);
  pdf.setLanguage(sheet.locale);
  pdf.setCreator('Konstruktor');

  const [width, height] = [595.28, 841.89];
  const margin = 56;
  let page: PDFPage = pdf.addPage([width, height]);
  let y = height - margin;
  const write = (text: string, options: { font?: PDFFont; size?: number; indent?: number; gapBefore?: number } = {}) => {
    const size = options.size ?? 10.5;
    const font = options.font ?? regular;
    const x = margin + (options.indent ?? 0) * 14;
    y -= options.gapBefore ?? 0;
    for (const piece of wrap(text, font, size, width - margin - x)) {
      if (y - size < margin) { page = pdf.addPage([width, height]); y = height - margin; }
      y -= size * 1.4;
      page.drawText(piece, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  };
  write(sheet.title, { font: bold, size: 16 });
  write(words.heading, { font: bold, size: 12, gapBefore: 4 });
  write(`${words.number} ${sheet.number} · ${words.submitted} ${sheet.submittedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, { size: 9.5, gapBefore: 2 });
  for (const line of answerLines(sheet.form.components, sheet.data, sheet, 0)) {
    write(line.text, { ...(line.bold ? { font: bold } : {}), indent: line.indent, gapBefore: line.gapBefore ?? 3 });
  }
  return pdf.save();
}
