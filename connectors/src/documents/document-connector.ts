/** Generates a PDF (decision, permit, contract with annexes) from a template and the process data, stores it and returns its reference. */
import { ConnectorError, defineConnector, type ConnectorContext, type StoredDocument } from '../sdk/index.js';
import { fillTemplate, parseTemplate, TEMPLATE_ERRORS } from './template.js';
import { renderPdf } from './render-pdf.js';

export interface GenerateDocumentInput {
  template: unknown;
  data: Record<string, unknown>;
  filename: string;
}

const PACKAGE_TEMPLATE = /^documents\/[\w.-]+\.json$/;

/** The template itself, or read from the application's service package when given as `documents/<name>.json`. */
async function templateOf(template: unknown, context: ConnectorContext): Promise<unknown> {
  if (typeof template !== 'string' || template.trimStart().startsWith('{')) return template;
  if (!PACKAGE_TEMPLATE.test(template)) throw new ConnectorError('DOCUMENT_TEMPLATE_INVALID', `template "${template}" must be a path documents/<name>.json of the service package, or the template itself`);
  const files = context.services.servicePackage;
  if (!files || !context.applicationId) throw new Error(`template "${template}" is a service package file, but this host cannot read the application's package (run the connector in the runtime)`);
  const text = await files.readText(context.applicationId, template);
  if (text === null) throw new ConnectorError('DOCUMENT_TEMPLATE_INVALID', `the service package has no ${template}`);
  return text;
}

export const generateDocument = defineConnector<GenerateDocumentInput, StoredDocument & { pages: number }>({
  id: 'konstruktor:documents:generate-pdf',
  version: 1,
  title: { en: 'Document: generate PDF', lt: 'Dokumentas: sugeneruoti PDF', lv: 'Dokuments: izveidot PDF' },
  description: 'Fills a document template (documents/*.json of the service package) with process data, renders it as PDF with its annexes and stores it with the application',
  category: 'Documents',
  inputSchema: {
    type: 'object',
    required: ['template', 'data', 'filename'],
    properties: {
      template: {
        type: ['string', 'object'], title: 'Template',
        description: 'A template of the service package, e.g. ="documents/decision.json", or the template itself as a FEEL context',
      },
      data: { type: 'object', title: 'Data', description: 'Values for the placeholders, e.g. ={applicant: applicant, permit: permit}' },
      filename: { type: 'string', pattern: '^[\\w.\\- ]{1,100}\\.pdf$', title: 'File name', description: 'e.g. sprendimas.pdf' },
    },
    additionalProperties: false,
  },
  outputSchema: {
    type: 'object',
    properties: {
      documentId: { type: 'string' }, filename: { type: 'string' }, mediaType: { type: 'string' },
      size: { type: 'integer' }, sha256: { type: 'string' }, pages: { type: 'integer' },
    },
  },
  errors: [...TEMPLATE_ERRORS, { code: 'DOCUMENT_ANNEX_NOT_PDF', description: 'A document named as an annex is not a PDF' }],
  timeoutMs: 60_000,
  async handler(input, context) {
    const filled = fillTemplate(parseTemplate(await templateOf(input.template, context)), input.data);
    const annexPdfs = new Map<string, Uint8Array>();
    for (const annex of filled.annexes) {
      if (!annex.documentId || annexPdfs.has(annex.documentId)) continue;
      const stored = await context.services.documents.read(annex.documentId);
      if (stored.mediaType !== 'application/pdf') throw new ConnectorError('DOCUMENT_ANNEX_NOT_PDF', `annex "${annex.title}" is ${stored.filename} (${stored.mediaType}), not a PDF`);
      annexPdfs.set(annex.documentId, stored.content);
    }
    const { pdf, pages } = await renderPdf(filled, annexPdfs);
    const stored = await context.services.documents.store({
      filename: input.filename, mediaType: 'application/pdf', content: pdf, ...(context.applicationId ? { applicationId: context.applicationId } : {}),
    });
    context.logger.info('document generated', { documentId: stored.documentId, pages, size: stored.size });
    return { ...stored, pages };
  },
});
