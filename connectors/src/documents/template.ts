/**
 * Document templates (a service package's documents/*.json; the format is described in
 * ./README.md): a title, blocks of headings, paragraphs, label/value fields and tables, and
 * annexes. Texts carry `{{path.to.value}}` placeholders filled from the process data, optionally
 * with a format: `{{fee | money}}` (cents -> 15,00), `{{decidedOn | date}}` (-> YYYY-MM-DD).
 */
import { ConnectorError } from '../sdk/index.js';

export type Language = 'lt' | 'lv' | 'en';

export type Block =
  | { heading: string }
  | { paragraph: string }
  | { fields: { label: string; value: string }[] }
  | { table: { columns: { title: string; field: string; width?: number }[]; rows: string } };

export interface Annex {
  title: string;
  /** Content written by the template. */
  body?: Block[];
  /** Or a stored PDF appended as it is: a placeholder giving its document id, e.g. `{{uploads.sitePlan}}`. */
  document?: string;
}

export interface DocumentTemplate {
  language: Language;
  title: string;
  /** Issuer shown above the title, e.g. the agency's name. */
  issuer?: string;
  body: Block[];
  annexes?: Annex[];
}

/** A filled template: every placeholder replaced, table rows resolved. */
export interface FilledDocument {
  language: Language;
  title: string;
  issuer?: string;
  body: FilledBlock[];
  annexes: { title: string; body: FilledBlock[]; documentId?: string }[];
}

export type FilledBlock =
  | { heading: string }
  | { paragraph: string }
  | { fields: { label: string; value: string }[] }
  | { table: { columns: { title: string; width?: number }[]; rows: string[][] } };

export const TEMPLATE_ERRORS = [
  { code: 'DOCUMENT_TEMPLATE_INVALID', description: 'The template does not follow the document template format (the message names the place)' },
  { code: 'DOCUMENT_DATA_MISSING', description: 'A placeholder of the template has no value in the process data (the message names it)' },
];

const invalid = (where: string, problem: string): never => {
  throw new ConnectorError('DOCUMENT_TEMPLATE_INVALID', `template ${where}: ${problem}`);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkText(value: unknown, where: string): string {
  if (typeof value !== 'string') invalid(where, 'must be a text');
  return value as string;
}

function checkBlocks(blocks: unknown, where: string): Block[] {
  if (!Array.isArray(blocks)) invalid(where, 'must be a list of blocks');
  (blocks as unknown[]).forEach((block, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(block)) return invalid(at, 'must be an object');
    if ('heading' in block) checkText(block.heading, `${at}.heading`);
    else if ('paragraph' in block) checkText(block.paragraph, `${at}.paragraph`);
    else if ('fields' in block) {
      if (!Array.isArray(block.fields)) invalid(`${at}.fields`, 'must be a list of { label, value }');
      (block.fields as unknown[]).forEach((field, i) => {
        if (!isObject(field)) return invalid(`${at}.fields[${i}]`, 'must be { label, value }');
        checkText(field.label, `${at}.fields[${i}].label`);
        checkText(field.value, `${at}.fields[${i}].value`);
      });
    } else if ('table' in block) {
      const table = block.table;
      if (!isObject(table) || !Array.isArray(table.columns) || !table.columns.length) return invalid(`${at}.table.columns`, 'must be a non-empty list of { title, field }');
      table.columns.forEach((column: unknown, i: number) => {
        if (!isObject(column)) return invalid(`${at}.table.columns[${i}]`, 'must be { title, field }');
        checkText(column.title, `${at}.table.columns[${i}].title`);
        checkText(column.field, `${at}.table.columns[${i}].field`);
        if (column.width !== undefined && !(typeof column.width === 'number' && column.width > 0)) invalid(`${at}.table.columns[${i}].width`, 'must be a positive number (a share of the width)');
      });
      checkText(table.rows, `${at}.table.rows`);
    } else invalid(at, 'must have heading, paragraph, fields or table');
  });
  return blocks as Block[];
}

/** Checks the shape of a template (an object, or its JSON text); the error names the place. */
export function parseTemplate(source: unknown): DocumentTemplate {
  let template = source;
  if (typeof source === 'string') {
    try {
      template = JSON.parse(source);
    } catch (error) {
      invalid('', `is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isObject(template)) return invalid('', 'must be an object');
  if (!['lt', 'lv', 'en'].includes(template.language as string)) invalid('language', 'must be lt, lv or en');
  checkText(template.title, 'title');
  if (template.issuer !== undefined) checkText(template.issuer, 'issuer');
  checkBlocks(template.body, 'body');
  if (template.annexes !== undefined) {
    if (!Array.isArray(template.annexes)) invalid('annexes', 'must be a list');
    (template.annexes as unknown[]).forEach((annex, i) => {
      if (!isObject(annex)) return invalid(`annexes[${i}]`, 'must be an object');
      checkText(annex.title, `annexes[${i}].title`);
      if ((annex.body === undefined) === (annex.document === undefined)) invalid(`annexes[${i}]`, 'must have either body or document');
      if (annex.body !== undefined) checkBlocks(annex.body, `annexes[${i}].body`);
      if (annex.document !== undefined) checkText(annex.document, `annexes[${i}].document`);
    });
  }
  return template as unknown as DocumentTemplate;
}

/** The value at a dotted path (`applicant.address.city`, `items.0.name`), or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

function format(value: unknown, formatName: string | undefined, language: Language, where: string): string {
  switch (formatName) {
    case undefined:
      if (isObject(value) || Array.isArray(value)) return invalid(where, 'a placeholder must name a single value, not an object or list');
      return String(value);
    case 'money': {
      if (!Number.isInteger(value)) return invalid(where, 'the money format needs a whole number of cents');
      const cents = value as number;
      return new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-${language.toUpperCase()}`, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
    }
    case 'date': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) return invalid(where, `"${String(value)}" is not a date`);
      return date.toISOString().slice(0, 10);
    }
    default:
      return invalid(where, `unknown format "${formatName}" (money or date)`);
  }
}

/** Fills every placeholder of `text` from `data`; a missing value is a DOCUMENT_DATA_MISSING error naming it. */
export function fill(text: string, data: unknown, language: Language, where: string): string {
  return text.replace(PLACEHOLDER, (_match, path: string, formatName: string | undefined) => {
    const value = valueAt(data, path);
    if (value === undefined || value === null) throw new ConnectorError('DOCUMENT_DATA_MISSING', `{{${path}}} in ${where} has no value in the process data`);
    return format(value, formatName, language, `${where} {{${path}}}`);
  });
}

function fillBlocks(blocks: Block[], data: unknown, language: Language, where: string): FilledBlock[] {
  return blocks.map((block, index): FilledBlock => {
    const at = `${where}[${index}]`;
    if ('heading' in block) return { heading: fill(block.heading, data, language, at) };
    if ('paragraph' in block) return { paragraph: fill(block.paragraph, data, language, at) };
    if ('fields' in block) return { fields: block.fields.map((f) => ({ label: fill(f.label, data, language, at), value: fill(f.value, data, language, at) })) };
    const rows = valueAt(data, block.table.rows);
    if (!Array.isArray(rows)) throw new ConnectorError('DOCUMENT_DATA_MISSING', `table rows "${block.table.rows}" in ${at} is not a list in the process data`);
    return {
      table: {
        columns: block.table.columns.map((c) => ({ title: fill(c.title, data, language, at), ...(c.width ? { width: c.width } : {}) })),
        rows: rows.map((row, r) => block.table.columns.map((c) => {
          const value = valueAt(row, c.field);
          return value === undefined || value === null ? '' : format(value, undefined, language, `${at} row ${r + 1} ${c.field}`);
        })),
      },
    };
  });
}

/** The template with the process data in it, ready to render. */
export function fillTemplate(template: DocumentTemplate, data: unknown): FilledDocument {
  const { language } = template;
  return {
    language,
    title: fill(template.title, data, language, 'title'),
    ...(template.issuer !== undefined ? { issuer: fill(template.issuer, data, language, 'issuer') } : {}),
    body: fillBlocks(template.body, data, language, 'body'),
    annexes: (template.annexes ?? []).map((annex, i) => ({
      title: fill(annex.title, data, language, `annexes[${i}].title`),
      body: annex.body ? fillBlocks(annex.body, data, language, `annexes[${i}].body`) : [],
      ...(annex.document !== undefined ? { documentId: fill(annex.document, data, language, `annexes[${i}].document`) } : {}),
    })),
  };
}
