/**
 * Renders a filled document template as an A4 PDF with pdf-lib. DejaVu Sans is embedded (as a
 * subset) because the standard PDF fonts have no glyphs for ą č ę ė į š ų ū ž ā ē ģ ī ķ ļ ņ.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FilledBlock, FilledDocument, Language } from './template.js';

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 1.35;
const CELL_PADDING = 4;

const WORDS: Record<Language, { annex: (n: number) => string; page: (n: number, of: number) => string; locale: string }> = {
  lt: { annex: (n) => `${n} priedas`, page: (n, of) => `Puslapis ${n} iš ${of}`, locale: 'lt-LT' },
  lv: { annex: (n) => `${n}. pielikums`, page: (n, of) => `Lapa ${n} no ${of}`, locale: 'lv-LV' },
  en: { annex: (n) => `Annex ${n}`, page: (n, of) => `Page ${n} of ${of}`, locale: 'en-GB' },
};

let fontFiles: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/** The DejaVu Sans TTF files of the dejavu-fonts-ttf package, read once (also the runtime's answers PDF). */
export function dejaVuSans(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fontFiles ??= (async () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const [regular, bold] = await Promise.all([readFile(path.join(dir, 'DejaVuSans.ttf')), readFile(path.join(dir, 'DejaVuSans-Bold.ttf'))]);
    return { regular, bold };
  })();
  return fontFiles;
}

/** Lays text out top to bottom, starting a new page when the current one is full. */
class Layout {
  page!: PDFPage;
  y = 0;
  readonly width = PAGE[0] - 2 * MARGIN;

  constructor(readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** Splits text into lines that fit `width` (hard line breaks kept, over-long words cut). */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
        if (line) lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut -= 1;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { font?: PDFFont; size?: number; spaceAfter?: number; center?: boolean } = {}): void {
    const font = options.font ?? this.regular;
    const size = options.size ?? BODY_SIZE;
    for (const line of this.wrap(text, font, size, this.width)) {
      this.ensure(size * LINE);
      this.y -= size * LINE;
      const x = options.center ? MARGIN + (this.width - font.widthOfTextAtSize(line, size)) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y, size, font });
    }
    this.y -= options.spaceAfter ?? size * 0.6;
  }

  /** A grid: header row in bold, each row as high as its tallest cell, the header repeated after a page break. */
  table(columns: { title: string; width?: number }[], rows: string[][]): void {
    const shares = columns.map((c) => c.width ?? 1);
    const total = shares.reduce((a, b) => a + b, 0);
    const widths = shares.map((share) => (share / total) * this.width);
    const measure = (cells: string[], font: PDFFont) => {
      const lines = cells.map((cell, i) => this.wrap(cell, font, BODY_SIZE, widths[i]! - 2 * CELL_PADDING));
      return { lines, font, height: Math.max(...lines.map((l) => l.length)) * BODY_SIZE * LINE + 2 * CELL_PADDING };
    };
    const draw = (row: ReturnType<typeof measure>) => {
      let x = MARGIN;
      row.lines.forEach((lines, i) => {
        this.page.drawRectangle({ x, y: this.y - row.height, width: widths[i]!, height: row.height, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.5 });
        lines.forEach((line, n) => {
          this.page.drawText(line, { x: x + CELL_PADDING, y: this.y - CELL_PADDING - (n + 1) * BODY_SIZE * LINE + BODY_SIZE * 0.3, size: BODY_SIZE, font: row.font });
        });
        x += widths[i]!;
      });
      this.y -= row.height;
    };
    const header = measure(columns.map((c) => c.title), this.bold);
    this.ensure(header.height * 2);
    draw(header);
    for (const cells of rows) {
      const row = measure(cells, this.regular);
      if (this.y - row.height < MARGIN + 20) {
        this.newPage();
        draw(header);
      }
      draw(row);
    }
    this.y -= BODY_SIZE;
  }

  blocks(blocks: FilledBlock[]): void {
    for (const block of blocks) {
      if ('heading' in block) this.text(block.heading, { font: this.bold, size: 12, spaceAfter: 4 });
      else if ('paragraph' in block) this.text(block.paragraph);
      else if ('fields' in block) this.fields(block.fields);
      else this.table(block.table.columns, block.table.rows);
    }
  }

  fields(fields: { label: string; value: string }[]): void {
    const labelWidth = this.width * 0.35;
    for (const { label, value } of fields) {
      const labels = this.wrap(label, this.bold, BODY_SIZE, labelWidth - 8);
      const values = this.wrap(value, this.regular, BODY_SIZE, this.width - labelWidth);
      const height = Math.max(labels.length, values.length) * BODY_SIZE * LINE;
      this.ensure(height);
      labels.forEach((line, n) => this.page.drawText(line, { x: MARGIN, y: this.y - (n + 1) * BODY_SIZE * LINE, size: BODY_SIZE, font: this.bold }));
      values.forEach((line, n) => this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y - (n + 1) * BODY_SIZE * LINE, size: BODY_SIZE, font: this.regular }));
      this.y -= height + 2;
    }
    this.y -= BODY_SIZE * 0.6;
  }
}

/**
 * The PDF of a filled template; `annexPdfs` holds the bytes of the stored PDFs its annexes name
 * (by document id), appended after their annex title page.
 */
export async function renderPdf(document: FilledDocument, annexPdfs: Map<string, Uint8Array> = new Map()): Promise<{ pdf: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = await dejaVuSans();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const words = WORDS[document.language];
  pdf.setTitle(document.title, { showInWindowTitleBar: true });
  pdf.setLanguage(words.locale);
  pdf.setCreator('Konstruktor');
  pdf.setProducer('Konstruktor (pdf-lib)');

  const layout = new Layout(pdf, regular, bold);
  // Pages copied from annexed PDFs keep their own footers; only the platform's pages get one.
  const copied = new Set<PDFPage>();
  if (document.issuer) layout.text(document.issuer, { size: 10, center: true, spaceAfter: 16 });
  layout.text(document.title, { font: bold, size: 15, center: true, spaceAfter: 14 });
  layout.blocks(document.body);

  for (const [index, annex] of document.annexes.entries()) {
    layout.newPage();
    layout.text(words.annex(index + 1), { size: 9, spaceAfter: 4 });
    layout.text(annex.title, { font: bold, size: 13, spaceAfter: 10 });
    layout.blocks(annex.body);
    if (annex.documentId) {
      const source = await PDFDocument.load(annexPdfs.get(annex.documentId)!);
      for (const page of await pdf.copyPages(source, source.getPageIndices())) copied.add(pdf.addPage(page));
    }
  }

  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    if (copied.has(page)) return;
    const label = words.page(i + 1, pages.length);
    page.drawText(label, { x: PAGE[0] - MARGIN - regular.widthOfTextAtSize(label, 8), y: MARGIN / 2, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return { pdf: await pdf.save(), pages: pages.length };
}
