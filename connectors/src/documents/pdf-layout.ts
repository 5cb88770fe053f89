/**
 * The one page layout of the platform's PDFs (documents from templates, the answers PDF, the
 * e-service application PDF), laid out by pdfmake: A4, margins, DejaVu Sans, the base styles,
 * the "page n of m" footer in the document's language and the metadata. Producers give content only.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake, { type Content, type DocumentDefinition, type DynamicContent, type TableLayout } from 'pdfmake';
import { PDFDocument } from 'pdf-lib';

/**
 * pdfmake content nodes, with the styles below by name (`style: 'heading'`) and `layout: 'grid'`
 * for a table with lines. Space between blocks goes above a block, never below: a bottom margin
 * that does not fit on the page makes pdfmake start an empty one, and the next part would begin
 * on it under the footer of the part before.
 */
export type PdfContent = Content;

export type PdfLanguage = 'lt' | 'lv' | 'en';

export interface PdfDocument {
  title: string;
  language: PdfLanguage;
  content: PdfContent;
  /**
   * Parts after the content, each from a new page. A part's `pdf` (a stored PDF) follows it page
   * for page as it is, keeping its own footers; its pages count in the others' "page n of m".
   */
  appendices?: { content: PdfContent; pdf?: Uint8Array }[];
}

const WORDS: Record<PdfLanguage, { page: (n: number, of: number) => string; locale: string }> = {
  lt: { page: (n, of) => `Puslapis ${n} iš ${of}`, locale: 'lt-LT' },
  lv: { page: (n, of) => `Lapa ${n} no ${of}`, locale: 'lv-LV' },
  en: { page: (n, of) => `Page ${n} of ${of}`, locale: 'en-GB' },
};

const MARGIN = 56;
const INDENT = 14;

// DejaVu Sans has ą č ę ė į š ų ū ž ā ē ģ ī ķ ļ ņ, which the standard PDF fonts lack; pdfmake embeds the subset used.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = { normal: path.join(FONT_DIR, 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

const STYLES: DocumentDefinition['styles'] = {
  title: { fontSize: 15, bold: true },
  heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 0] },
  paragraph: { margin: [0, 5, 0, 0] },
  small: { fontSize: 9, color: '#595959' },
  tableHeader: { bold: true },
};

const line = () => 0.5;
const grey = () => '#666666';
const padding = () => 4;
const GRID: TableLayout = {
  hLineWidth: line, vLineWidth: line, hLineColor: grey, vLineColor: grey,
  paddingLeft: padding, paddingRight: padding, paddingTop: padding, paddingBottom: padding,
};

/** A line of text, `indent` steps in from the margin, `gapBefore` points below the one above. */
export const pdfLine = (text: string, { indent = 0, bold = false, gapBefore = 3 } = {}): PdfContent =>
  ({ text, bold, margin: [indent * INDENT, gapBefore, 0, 0] });

// This module's pdfmake is the layout's alone. Content carries applicants' and templates' data: it may load no file or URL.
pdfmake.setFonts({ DejaVuSans: FONT });
pdfmake.setTableLayouts({ grid: GRID });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => file === FONT.normal || file === FONT.bold);

/** The document as an A4 PDF, with the number of its pages. */
export async function layoutPdf(document: PdfDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  const words = WORDS[document.language];
  const parts: NonNullable<PdfDocument['appendices']> = [{ content: document.content }, ...(document.appendices ?? [])];
  const appended = await Promise.all(parts.map((part) => (part.pdf ? PDFDocument.load(part.pdf) : undefined)));
  const appendedBefore = (part: number) => appended.slice(0, part).reduce((sum, pdf) => sum + (pdf?.getPageCount() ?? 0), 0);
  const appendedPages = appendedBefore(parts.length);

  // pdfmake tells where a part's pages are only to its footer; a part's appended pages go after its last one.
  const lastPage: number[] = [];
  const footer = (part: number): DynamicContent => (page, pages) => {
    lastPage[part] = page;
    return { text: words.page(page + appendedBefore(part), pages + appendedPages), style: 'small', alignment: 'right', margin: [MARGIN, 20, MARGIN, 0] };
  };
  const laidOut = await pdfmake.createPdf({
    // A section starts a page, and its pages take its footer.
    content: parts.map((part, i) => ({ section: part.content, footer: footer(i) })),
    pageSize: 'A4',
    pageMargins: MARGIN,
    version: '1.7',
    language: words.locale,
    displayTitle: true,
    // pdfkit adds the creation date.
    info: { title: document.title, creator: 'Konstruktor', producer: 'Konstruktor' },
    styles: STYLES,
    defaultStyle: { font: 'DejaVuSans', fontSize: 10.5, lineHeight: 1.15 },
  }).getBuffer();
  if (!appendedPages) return { pdf: new Uint8Array(laidOut), pages: lastPage.at(-1)! };

  const pdf = await PDFDocument.load(laidOut, { updateMetadata: false });
  // From the last part back, so that the page indexes still to use stay put.
  for (let part = parts.length - 1; part >= 0; part -= 1) {
    const source = appended[part];
    if (!source) continue;
    const pages = await pdf.copyPages(source, source.getPageIndices());
    pages.forEach((page, i) => pdf.insertPage(lastPage[part]! + i, page));
  }
  return { pdf: await pdf.save(), pages: pdf.getPageCount() };
}
