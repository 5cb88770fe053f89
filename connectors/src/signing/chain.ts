/** Certificate path validation to a trusted CA (RFC 5280, by pkijs) at a given time. */
import * as pkijs from 'pkijs';
import './webcrypto.js';

export interface ChainResult {
  ok: boolean;
  message: string;
  /** Leaf first, trust anchor last, when the path was built. */
  path: pkijs.Certificate[];
}

export async function validateChain(leaf: pkijs.Certificate, intermediates: pkijs.Certificate[], trusted: pkijs.Certificate[], checkDate = new Date()): Promise<ChainResult> {
  if (trusted.length === 0) return { ok: false, message: 'no trusted CA certificate configured', path: [] };
  // pkijs builds the path from the last certificate of `certs`.
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: trusted, certs: [...intermediates.filter((c) => c !== leaf), leaf], checkDate });
  try {
    const result = await engine.verify();
    return { ok: result.result, message: result.result ? 'chains to a trusted CA' : result.resultMessage, path: result.certificatePath ?? [] };
  } catch (error) {
    const message = (error as { resultMessage?: string }).resultMessage ?? (error as Error).message;
    return { ok: false, message, path: [] };
  }
}

/** Extended key usage OIDs of a certificate (empty when it has none). */
export function extendedKeyUsages(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === '2.5.29.37');
  return (extension?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
}

export function commonName(certificate: pkijs.Certificate): string {
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : certificate.subject.typesAndValues.map((tv) => String(tv.value.valueBlock.value)).join(', ');
}

export function serialHex(certificate: pkijs.Certificate): string {
  return Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=[0-9a-f])/, '');
}
