import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { dejaVuSans } from '@konstruktor/connectors';
import { wrap } from '../applications/answers-pdf.js';
import type { LocalizedText } from '../common/schemas.js';
import type { EServiceApplication } from './eservice-application.js';

const pick = (text: LocalizedText | null | undefined) => (text ? text.lt ?? text.en ?? text.lv ?? '' : '');

/** The e-service application as an A4 PDF, in the order the application form asks (DOMAIN.md). */
export async function eServiceApplicationPdf(application: EServiceApplication): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // DejaVu Sans covers Lithuanian and Latvian letters; the standard PDF fonts do not.
  const fonts = await dejaVuSans();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  pdf.setTitle(`E-service application: ${pick(application.title)} ${application.version}`);
  pdf.setCreator('Konstruktor');
  const [width, height] = [595.28, 841.89];
  const margin = 56;
  let page: PDFPage = pdf.addPage([width, height]);
  let y = height - margin;
  const write = (text: string, options: { font?: PDFFont; size?: number; indent?: number; gap?: number } = {}) => {
    const size = options.size ?? 10.5;
    const font = options.font ?? regular;
    const x = margin + (options.indent ?? 0) * 14;
    y -= options.gap ?? 2;
    for (const piece of wrap(text, font, size, width - margin - x)) {
      if (y - size * 1.4 < margin) { page = pdf.addPage([width, height]); y = height - margin; }
      y -= size * 1.4;
      page.drawText(piece, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  };
  const heading = (text: string) => write(text, { font: bold, size: 12, gap: 10 });
  const a = application;
  write('E-service application', { font: bold, size: 16 });
  write(`${pick(a.title)} (${a.code} ${a.version})`, { size: 12 });
  heading('1. General information');
  write(`Provider: ${pick(a.provider.name)} (${a.provider.code})`);
  write(`Recipients: ${a.audience.join(', ')}`);
  write(`Price: ${typeof a.price === 'string' ? a.price : JSON.stringify(a.price)} · Interactivity level ${a.interactivityLevel} · Online order: ${a.onlineOrder ? 'yes' : 'no'}`);
  if (a.lifeEvents.length) write(`Life events: ${a.lifeEvents.join(', ')}`);
  heading('2. The e-service');
  if (a.summary) write(pick(a.summary));
  write(`Legal basis: ${a.legalBasis ?? '(not stated)'}`);
  if (Object.keys(a.retention).length) write(`Retention: ${Object.entries(a.retention).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  heading('3. Data providers');
  if (!a.dataProviders.length) write('No register is read.');
  for (const p of a.dataProviders) {
    write(`${p.title} (${p.connector})`, { font: bold });
    write(`Fields: ${p.fields.join(', ') || '(whole result)'}`, { indent: 1 });
    write(`Process elements: ${p.elements.join(', ')}`, { indent: 1 });
  }
  heading('4. The process');
  a.steps.forEach((step, i) => write(`${i + 1}. ${step.name ?? step.elementId} — ${step.type} (${step.elementId})`, { indent: 1 }));
  if (a.platformServices.length) {
    write('Platform services used:', { font: bold, gap: 6 });
    for (const s of a.platformServices) write(`${s.title} (${s.connector}): ${s.elements.join(', ')}`, { indent: 1 });
  }
  heading('5. Documents');
  if (!a.documents.length) write('No document templates.');
  for (const d of a.documents) write(d, { indent: 1 });
  return pdf.save();
}
