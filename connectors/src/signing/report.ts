/** What a verification found, per signature and overall, in words a person can act on. */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface Check {
  status: CheckStatus;
  message: string;
}

export interface SignatureReport {
  /** Signer's common name. */
  signer: string;
  format: 'PAdES' | 'XAdES';
  /**
   * B-LT: the document also keeps the validation material (DSS), so revocation is checked
   * offline; B-LTA: and a document timestamp covers it all.
   */
  level: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
  /** Claimed signing time (PDF /M or XAdES SigningTime). */
  claimedSigningTime?: Date;
  /** Time proven by the signature timestamp (B-T). */
  timestamp?: Date;
  checks: {
    integrity: Check;
    signature: Check;
    chain: Check;
    revocation: Check;
    timestamp: Check;
  };
  valid: boolean;
}

/** A PDF document timestamp (ETSI.RFC3161, PAdES B-LTA): a TSA's token over the document as it was then. */
export interface DocumentTimestampReport {
  /** The TSA's common name. */
  tsa: string;
  time?: Date;
  valid: boolean;
  problems: string[];
}

export interface VerificationReport {
  valid: boolean;
  /** Document-level problems (no signature, unreadable file, changes after signing). */
  problems: string[];
  signatures: SignatureReport[];
  /** PDF document timestamps, oldest first (none for most documents). */
  documentTimestamps?: DocumentTimestampReport[];
}

export function check(ok: boolean, passed: string, failed: string): Check {
  return ok ? { status: 'passed', message: passed } : { status: 'failed', message: failed };
}

export function finish(signature: Omit<SignatureReport, 'valid'>): SignatureReport {
  return { ...signature, valid: Object.values(signature.checks).every((c) => c.status !== 'failed') };
}

/** The report as the CLI prints it: verdict first, then each signature's checks. */
export function formatReport(report: VerificationReport, file: string): string {
  const lines = [`${report.valid ? 'VALID' : 'INVALID'}: ${file}`];
  for (const problem of report.problems) lines.push(`  ! ${problem}`);
  report.signatures.forEach((signature, index) => {
    lines.push(`  signature ${index + 1}: ${signature.format} ${signature.level} by ${signature.signer} — ${signature.valid ? 'valid' : 'INVALID'}`);
    if (signature.claimedSigningTime) lines.push(`    claimed signing time: ${signature.claimedSigningTime.toISOString()}`);
    if (signature.timestamp) lines.push(`    timestamped at: ${signature.timestamp.toISOString()}`);
    for (const [name, result] of Object.entries(signature.checks)) {
      lines.push(`    ${result.status === 'passed' ? 'ok  ' : result.status === 'failed' ? 'FAIL' : 'skip'} ${name}: ${result.message}`);
    }
  });
  for (const stamp of report.documentTimestamps ?? []) {
    lines.push(`  document timestamp by ${stamp.tsa}${stamp.time ? ` at ${stamp.time.toISOString()}` : ''} — ${stamp.valid ? 'valid' : `INVALID: ${stamp.problems.join('; ')}`}`);
  }
  return lines.join('\n');
}
