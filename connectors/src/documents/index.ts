/** Document generation: templates filled with process data, rendered as PDF (LT/LV diacritics), stored with the application. */
import { generateDocument } from './document-connector.js';

export { generateDocument, type GenerateDocumentInput } from './document-connector.js';
export { parseTemplate, fillTemplate, type DocumentTemplate, type FilledDocument, type Block, type Annex } from './template.js';
export { dejaVuSans, renderPdf } from './render-pdf.js';

/** In palette order. */
export const documentConnectors = [generateDocument];
