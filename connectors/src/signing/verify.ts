/** Verifies a signed file of either kind: a PAdES PDF or an ASiC-E container. */
import { isZip } from './asice.js';
import { isPdf } from './pades.js';
import type { VerificationReport } from './report.js';
import type { TrustOptions } from './trust.js';
import { verifyAsice } from './verify-asice.js';
import { verifyPdf } from './verify-pdf.js';

export async function verifyDocument(bytes: Uint8Array, trust: TrustOptions): Promise<VerificationReport> {
  if (isPdf(bytes)) return verifyPdf(bytes, trust);
  if (isZip(bytes)) return verifyAsice(bytes, trust);
  return { valid: false, problems: ['not a signed document: expected a PDF or an ASiC-E container'], signatures: [] };
}
