/** The e-service application PDF: its content on the shared PDF layout. */
import { layoutPdf, pdfLine, type PdfContent } from '@konstruktor/connectors';
import type { LocalizedText } from '../common/schemas.js';
import type { EServiceApplication } from './eservice-application.js';

const pick = (text: LocalizedText | null | undefined) => (text ? text.lt ?? text.en ?? text.lv ?? '' : '');

const heading = (text: string): PdfContent => ({ text, style: 'heading' });

/** The e-service application as an A4 PDF, in the order the application form asks (DOMAIN.md). */
export async function eServiceApplicationPdf(application: EServiceApplication): Promise<Uint8Array> {
  const a = application;
  const { pdf } = await layoutPdf({
    title: `E-service application: ${pick(a.title)} ${a.version}`,
    language: 'en',
    content: [
      { text: 'E-service application', style: 'title' },
      { text: `${pick(a.title)} (${a.code} ${a.version})`, fontSize: 12, margin: [0, 4, 0, 0] },
      heading('1. General information'),
      pdfLine(`Provider: ${pick(a.provider.name)} (${a.provider.code})`),
      pdfLine(`Recipients: ${a.audience.join(', ')}`),
      pdfLine(`Price: ${typeof a.price === 'string' ? a.price : JSON.stringify(a.price)} · Interactivity level ${a.interactivityLevel} · Online order: ${a.onlineOrder ? 'yes' : 'no'}`),
      a.lifeEvents.length ? pdfLine(`Life events: ${a.lifeEvents.join(', ')}`) : [],
      heading('2. The e-service'),
      a.summary ? pdfLine(pick(a.summary)) : [],
      pdfLine(`Legal basis: ${a.legalBasis ?? '(not stated)'}`),
      Object.keys(a.retention).length ? pdfLine(`Retention: ${Object.entries(a.retention).map(([k, v]) => `${k} ${v}`).join(', ')}`) : [],
      heading('3. Data providers'),
      a.dataProviders.length ? [] : pdfLine('No register is read.'),
      a.dataProviders.map((p) => [
        pdfLine(`${p.title} (${p.connector})`, { bold: true }),
        pdfLine(`Fields: ${p.fields.join(', ') || '(whole result)'}`, { indent: 1 }),
        pdfLine(`Process elements: ${p.elements.join(', ')}`, { indent: 1 }),
      ]),
      heading('4. The process'),
      a.steps.map((step, i) => pdfLine(`${i + 1}. ${step.name ?? step.elementId} — ${step.type} (${step.elementId})`, { indent: 1 })),
      a.platformServices.length ? [
        { text: 'Platform services used:', bold: true, margin: [0, 6, 0, 0] },
        a.platformServices.map((s) => pdfLine(`${s.title} (${s.connector}): ${s.elements.join(', ')}`, { indent: 1 })),
      ] : [],
      heading('5. Documents'),
      a.documents.length ? a.documents.map((d) => pdfLine(d, { indent: 1 })) : pdfLine('No document templates.'),
    ],
  });
  return pdf;
}
