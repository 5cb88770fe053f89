/** A filled document template as PDF content (issuer, title, blocks, annexes) on the shared layout. */
import { layoutPdf, type PdfContent } from './pdf-layout.js';
import type { FilledBlock, FilledDocument, Language } from './template.js';

const ANNEX: Record<Language, (n: number) => string> = {
  lt: (n) => `${n} priedas`,
  lv: (n) => `${n}. pielikums`,
  en: (n) => `Annex ${n}`,
};

function block(block: FilledBlock): PdfContent {
  if ('heading' in block) return { text: block.heading, style: 'heading' };
  if ('paragraph' in block) return { text: block.paragraph, style: 'paragraph' };
  if ('fields' in block) {
    return {
      layout: 'noBorders', margin: [0, 5, 0, 0],
      table: { widths: ['35%', '*'], body: block.fields.map(({ label, value }) => [{ text: label, bold: true }, value]) },
    };
  }
  const { columns, rows } = block.table;
  const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  return {
    layout: 'grid', margin: [0, 6, 0, 0],
    // Column widths are shares of the table's width; the header row is repeated after a page break.
    table: { headerRows: 1, widths: columns.map((c) => `${(100 * (c.width ?? 1)) / total}%`), body: [columns.map((c) => ({ text: c.title, style: 'tableHeader' })), ...rows] },
  };
}

/**
 * The PDF of a filled template; `annexPdfs` holds the bytes of the stored PDFs its annexes name
 * (by document id), appended after their annex title page.
 */
export async function renderPdf(document: FilledDocument, annexPdfs: Map<string, Uint8Array> = new Map()): Promise<{ pdf: Uint8Array; pages: number }> {
  return layoutPdf({
    title: document.title,
    language: document.language,
    content: [
      document.issuer ? { text: document.issuer, alignment: 'center' } : [],
      { text: document.title, style: 'title', alignment: 'center', margin: [0, 14, 0, 0] },
      { stack: document.body.map(block), margin: [0, 8, 0, 0] },
    ],
    appendices: document.annexes.map((annex, index) => ({
      content: [
        { text: ANNEX[document.language](index + 1), style: 'small' },
        { text: annex.title, style: 'heading', margin: [0, 4, 0, 0] },
        { stack: annex.body.map(block), margin: [0, 6, 0, 0] },
      ],
      ...(annex.documentId ? { pdf: annexPdfs.get(annex.documentId)! } : {}),
    })),
  });
}
