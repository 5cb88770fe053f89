import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutPdf, pdfLine } from '../src/index.js';

// Poppler's pdftotext reads the text back as a PDF reader would; CI must have it (it is installed there).
const havePoppler = existsSync('/usr/bin/pdftotext') || process.env.CI === 'true';

describe('the shared PDF layout', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'konstruktor-pdf-layout-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  /** The text of each page as pdftotext reads it. */
  async function pageTexts(pdf: Uint8Array): Promise<string[]> {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' '));
  }

  it('is A4 with the title, language, creation date and producer in the metadata', async () => {
    const before = Date.now() - 1000;
    const { pdf, pages } = await layoutPdf({ title: 'Atļauja Nr. 7', language: 'lv', content: pdfLine('Ģirts Ķēniņš') });
    expect(pages).toBe(1);
    const read = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(read.getTitle()).toBe('Atļauja Nr. 7');
    expect([read.getProducer(), read.getCreator()]).toEqual(['Konstruktor', 'Konstruktor']);
    expect(read.getCreationDate()!.getTime()).toBeGreaterThanOrEqual(before);
    expect(read.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('lv-LV');
    const { width, height } = read.getPage(0).getSize();
    expect([width, height].map(Math.round)).toEqual([595, 842]);
  });

  it.runIf(havePoppler)("numbers its pages in the document's language, the letters read back as written", async () => {
    const content = Array.from({ length: 60 }, (_, i) => pdfLine(`${i + 1}. Ąžuolų ąčęėįšųūž, Ķeģu āēģīķļņ`));
    const lt = await pageTexts((await layoutPdf({ title: 'Sąrašas', language: 'lt', content })).pdf);
    expect(lt).toHaveLength(2);
    expect(lt[0]).toContain('1. Ąžuolų ąčęėįšųūž, Ķeģu āēģīķļņ');
    expect(lt[1]).toContain('60. Ąžuolų ąčęėįšųūž, Ķeģu āēģīķļņ');
    expect([lt[0], lt[1]].map((page) => /Puslapis \d iš \d/.exec(page!)?.[0])).toEqual(['Puslapis 1 iš 2', 'Puslapis 2 iš 2']);
    expect((await pageTexts((await layoutPdf({ title: 'Saraksts', language: 'lv', content })).pdf))[1]).toContain('Lapa 2 no 2');
    expect((await pageTexts((await layoutPdf({ title: 'List', language: 'en', content })).pdf))[1]).toContain('Page 2 of 2');
  });

  it.runIf(havePoppler)('appends a stored PDF after its part and numbers the pages around it, also when the part fills its last page', async () => {
    const stored = (await layoutPdf({ title: 'Planas', language: 'en', content: 'Site plan' })).pdf;
    // 42 lines fill a page.
    for (const lines of [41, 42, 43]) {
      const { pdf, pages } = await layoutPdf({
        title: 'Sutartis', language: 'lt', content: Array.from({ length: lines }, (_, i) => pdfLine(`Eilutė ${i + 1}`)),
        appendices: [{ content: '1 priedas', pdf: stored }, { content: '2 priedas' }],
      });
      expect(pages).toBe((lines > 42 ? 2 : 1) + 3);
      const texts = await pageTexts(pdf);
      expect(texts).toHaveLength(pages);
      const last = texts.length;
      expect(texts.at(-3)).toMatch(new RegExp(`1 priedas Puslapis ${last - 2} iš ${last}`));
      expect(texts.at(-2)).toMatch(/Site plan Page 1 of 1/);
      expect(texts.at(-1)).toMatch(new RegExp(`2 priedas Puslapis ${last} iš ${last}`));
    }
  });
});
