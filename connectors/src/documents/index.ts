/** Document generation: templates filled with process data, rendered as PDF (LT/LV diacritics) on the platform's one PDF layout, stored with the application. */
import { generateDocument } from './document-connector.js';

export { generateDocument, type GenerateDocumentInput } from './document-connector.js';
export { parseTemplate, fillTemplate, type DocumentTemplate, type FilledDocument, type Block, type Annex } from './template.js';
export { renderPdf } from './render-pdf.js';
export { layoutPdf, pdfLine, type PdfContent, type PdfDocument, type PdfLanguage } from './pdf-layout.js';

/** In palette order. */
export const documentConnectors = [generateDocument];
