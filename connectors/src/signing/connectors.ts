/** Signing connectors: sign a stored PDF (PAdES), wrap stored documents in an ASiC-E, verify a stored document. */
import { ConnectorError, defineConnector, type ConnectorContext } from '../sdk/index.js';
import { createAsice } from './asice.js';
import { isPdf, PADES_LEVELS, signPdf, type PadesLevel } from './pades.js';
import { SigningRefusedError } from './remote-signer.js';
import { sealSigner, SIGNING_SECRETS, tsaUrlOf } from './settings.js';
import { certificatesFromPem } from './webcrypto.js';
import { verifyDocument } from './verify.js';

const SIGNER_SECRETS = [SIGNING_SECRETS.key, SIGNING_SECRETS.certificate, SIGNING_SECRETS.tsaUrl];
const PADES_SECRETS = [...SIGNER_SECRETS, SIGNING_SECRETS.trustedCa];
const LEVEL = { type: 'string', enum: ['B-B', 'B-T'], default: 'B-T', title: 'Level', description: 'B-B: signature only; B-T: with a trusted timestamp (needs SIGNING_TSA_URL)' };
const PADES_LEVEL = {
  ...LEVEL,
  enum: [...PADES_LEVELS],
  description: `${LEVEL.description}; B-LT: also the certificates and OCSP responses, so it validates offline (needs SIGNING_TSA_URL; the chains end at SIGNING_TRUSTED_CA); B-LTA: and a document timestamp over it all`,
};
const DOCUMENT_ID = { type: 'string', minLength: 1, maxLength: 100, title: 'Document id', description: 'A document stored by the platform' };
const STORED = {
  type: 'object',
  properties: { documentId: { type: 'string' }, filename: { type: 'string' }, mediaType: { type: 'string' }, size: { type: 'integer' }, sha256: { type: 'string' } },
};
const REFUSED = { code: 'SIGNING_REFUSED', description: 'The signer refused, or did not confirm in time' };

/** A business outcome the process models, not a technical failure to retry. */
function asBpmnError(error: unknown): never {
  if (error instanceof SigningRefusedError && error.reason !== 'failed') throw new ConnectorError('SIGNING_REFUSED', error.message, { reason: error.reason });
  throw error;
}

async function readDocument(context: ConnectorContext, documentId: string, field: string) {
  try {
    return await context.services.documents.read(documentId);
  } catch {
    throw new ConnectorError('DOCUMENT_NOT_FOUND', `${field}: document ${documentId} not found`);
  }
}

export const signPdfConnector = defineConnector<{ documentId: string; level: PadesLevel; reason?: string; location?: string; filename?: string }, Record<string, unknown>>({
  id: 'konstruktor:signing:pades',
  version: 1,
  title: { en: 'Sign PDF (PAdES)', lt: 'Pasirašyti PDF (PAdES)', lv: 'Parakstīt PDF (PAdES)' },
  description: "Signs a stored PDF with the agency's seal as PAdES baseline B-B, B-T, B-LT or B-LTA and stores the signed copy",
  category: 'E-signing',
  inputSchema: {
    type: 'object',
    required: ['documentId'],
    properties: {
      documentId: DOCUMENT_ID,
      level: PADES_LEVEL,
      reason: { type: 'string', maxLength: 200, title: 'Reason', description: 'Shown by PDF readers, e.g. "Decision approved"' },
      location: { type: 'string', maxLength: 100, title: 'Location' },
      filename: { type: 'string', minLength: 1, maxLength: 200, title: 'File name of the signed copy', description: 'Default: the original name with -signed' },
    },
    additionalProperties: false,
  },
  outputSchema: STORED,
  secrets: PADES_SECRETS,
  errors: [REFUSED, { code: 'NOT_A_PDF', description: 'The document is not a PDF' }, { code: 'DOCUMENT_NOT_FOUND', description: 'No stored document with this id' }],
  timeoutMs: 60_000,
  async handler(input, context) {
    const source = await readDocument(context, input.documentId, 'documentId');
    if (!isPdf(source.content)) throw new ConnectorError('NOT_A_PDF', `documentId: ${source.filename} is not a PDF`);
    const signer = sealSigner(context.secrets);
    const signed = await signPdf(source.content, {
      signer, level: input.level, tsaUrl: tsaUrlOf(context.secrets, input.level), reason: input.reason, location: input.location, signal: context.signal,
      caCertificates: certificatesFromPem(context.secrets[SIGNING_SECRETS.trustedCa] ?? ''),
    }).catch(asBpmnError);
    const filename = input.filename ?? source.filename.replace(/(\.pdf)?$/i, '-signed.pdf');
    const stored = await context.services.documents.store({ filename, mediaType: 'application/pdf', content: signed, applicationId: context.applicationId, signedCopyOf: source.documentId });
    context.logger.info('PDF signed', { documentId: stored.documentId, level: input.level });
    return { ...stored };
  },
});

export const asiceConnector = defineConnector<{ documentIds: string[]; level: 'B-B' | 'B-T'; filename: string }, Record<string, unknown>>({
  id: 'konstruktor:signing:asice',
  version: 1,
  title: { en: 'Sign into ASiC-E container', lt: 'Pasirašyti ASiC-E konteineryje', lv: 'Parakstīt ASiC-E konteinerā' },
  description: "Puts stored documents into an ASiC-E container with a XAdES signature of the agency's seal",
  category: 'E-signing',
  inputSchema: {
    type: 'object',
    required: ['documentIds'],
    properties: {
      documentIds: { type: 'array', minItems: 1, maxItems: 50, items: DOCUMENT_ID, title: 'Document ids' },
      level: LEVEL,
      filename: { type: 'string', minLength: 1, maxLength: 200, default: 'documents.asice', title: 'Container file name' },
    },
    additionalProperties: false,
  },
  outputSchema: STORED,
  secrets: SIGNER_SECRETS,
  errors: [REFUSED, { code: 'DOCUMENT_NOT_FOUND', description: 'No stored document with one of the ids' }],
  timeoutMs: 60_000,
  async handler(input, context) {
    const documents = [];
    for (const [index, id] of input.documentIds.entries()) documents.push(await readDocument(context, id, `documentIds[${index}]`));
    // Two documents may share a name; the container needs distinct ones.
    const seen = new Map<string, number>();
    const files = documents.map((document) => {
      const count = (seen.get(document.filename) ?? 0) + 1;
      seen.set(document.filename, count);
      const name = count === 1 ? document.filename : document.filename.replace(/(\.[^.]*)?$/, ` (${count})$1`);
      return { name, content: document.content, mediaType: document.mediaType };
    });
    const container = await createAsice(files, {
      signer: sealSigner(context.secrets), level: input.level, tsaUrl: tsaUrlOf(context.secrets, input.level), signal: context.signal,
    }).catch(asBpmnError);
    const filename = /\.(asice|sce)$/i.test(input.filename) ? input.filename : `${input.filename}.asice`;
    const stored = await context.services.documents.store({ filename, mediaType: 'application/vnd.etsi.asic-e+zip', content: container, applicationId: context.applicationId });
    context.logger.info('ASiC-E container signed', { documentId: stored.documentId, files: files.length });
    return { ...stored };
  },
});

export const verifyConnector = defineConnector<{ documentId: string; checkRevocation: boolean }, Record<string, unknown>>({
  id: 'konstruktor:signing:verify',
  version: 1,
  title: { en: 'Verify signatures', lt: 'Tikrinti parašus', lv: 'Pārbaudīt parakstus' },
  description: 'Checks the signatures of a stored PAdES PDF or ASiC-E container: integrity, signer certificate chain, revocation (OCSP), timestamp',
  category: 'E-signing',
  inputSchema: {
    type: 'object',
    required: ['documentId'],
    properties: { documentId: DOCUMENT_ID, checkRevocation: { type: 'boolean', default: true, title: 'Check revocation (OCSP)' } },
    additionalProperties: false,
  },
  outputSchema: {
    type: 'object',
    properties: {
      valid: { type: 'boolean' },
      problems: { type: 'array', items: { type: 'string' } },
      signatures: {
        type: 'array',
        items: {
          type: 'object',
          properties: { signer: { type: 'string' }, format: { type: 'string' }, level: { type: 'string' }, valid: { type: 'boolean' }, timestamp: { type: ['string', 'null'] }, reasons: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
  secrets: [SIGNING_SECRETS.trustedCa],
  errors: [{ code: 'DOCUMENT_NOT_FOUND', description: 'No stored document with this id' }],
  timeoutMs: 60_000,
  async handler(input, context) {
    const trustedPem = context.secrets[SIGNING_SECRETS.trustedCa];
    if (!trustedPem) throw new Error(`verification is not configured: secret ${SIGNING_SECRETS.trustedCa} missing`);
    const document = await readDocument(context, input.documentId, 'documentId');
    const report = await verifyDocument(document.content, { trustedPem, checkRevocation: input.checkRevocation, signal: context.signal });
    return {
      valid: report.valid,
      problems: report.problems,
      signatures: report.signatures.map((s) => ({
        signer: s.signer, format: s.format, level: s.level, valid: s.valid, timestamp: s.timestamp?.toISOString() ?? null,
        reasons: Object.entries(s.checks).filter(([, c]) => c.status === 'failed').map(([name, c]) => `${name}: ${c.message}`),
      })),
    };
  },
});

export const signingConnectors = [signPdfConnector, asiceConnector, verifyConnector];
