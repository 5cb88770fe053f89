/**
 * One register query as every register connector makes it: X-Road call on behalf of the
 * requesting user, an audit entry whatever the outcome (purpose, user, X-Road-Id — never the
 * data that came back), and the outcome sorted into a BPMN error the process models
 * (ConnectorError) or a technical failure the worker retries (Error).
 */
import { randomUUID } from 'node:crypto';
import { ConnectorError, type ConnectorContext } from '../sdk/index.js';
import { registerSettings, type RegisterKind } from './settings.js';
import { subsystemIdOf, xroadCall } from './xroad-client.js';

export interface RegisterQuery {
  register: RegisterKind;
  serviceCode: string;
  path: string[];
  purpose: string;
  /** Personal code of the user the request is made for (X-Road-UserId). */
  requestedBy: string;
  subject: { type: 'person' | 'company'; id: string };
  /** BPMN error codes for the register's 404 and 400 answers. */
  errors: { notFound: string; invalid: string };
  /** More audit details, e.g. the person a representation check is about. */
  auditDetails?: Record<string, unknown>;
}

/** Shape-only patterns for the connectors' inputs; the register checks dates and check digits. */
export const PERSONAL_CODE_PATTERN = '^(\\d{11}|\\d{6}-\\d{5})$';
export const USER_ID_PATTERN = '^([A-Z]{2})?(\\d{11}|\\d{6}-\\d{5})$';
export const COMPANY_CODE_PATTERN = '^(\\d{9}|[45]\\d{10})$';

/** Inputs every register look-up takes besides its subject. */
export const QUERY_INPUTS = {
  purpose: {
    type: 'string', minLength: 3, maxLength: 500, title: 'Purpose',
    description: 'Why the data is requested; sent to the register and kept in the audit trail',
  },
  requestedBy: {
    type: 'string', pattern: USER_ID_PATTERN, title: 'Requested by',
    description: 'Personal code of the user the request is made for, e.g. =applicant.personalCode',
  },
} as const;

/** X-Road-UserId carries the country: LT codes have 11 digits, LV codes `DDMMYY-NNNNN`. */
export function userIdOf(personalCode: string): string {
  if (/^[A-Z]{2}/.test(personalCode)) return personalCode;
  return `${personalCode.includes('-') ? 'LV' : 'LT'}${personalCode}`;
}

function detailOf(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' ? detail : undefined;
}

export async function queryRegister(context: ConnectorContext, query: RegisterQuery): Promise<Record<string, unknown>> {
  const settings = registerSettings(context.secrets, query.register);
  const xRoadId = randomUUID();
  let outcome = 'failed';
  let status: number | null = null;
  let requestHash: string | null = null;
  try {
    const answer = await xroadCall(settings, {
      serviceCode: query.serviceCode, path: query.path, query: { purpose: query.purpose },
      userId: userIdOf(query.requestedBy), issue: context.applicationId ?? `instance ${context.instanceKey}`,
      xRoadId, signal: context.signal,
    });
    status = answer.status;
    requestHash = answer.requestHash ?? null;
    if (answer.fault) throw new Error(`register refused the request: ${answer.status} ${answer.fault.type} ${answer.fault.message}`.trim());
    if (answer.status === 200 && answer.body && typeof answer.body === 'object') {
      outcome = 'answered';
      return answer.body as Record<string, unknown>;
    }
    if (answer.status === 404) {
      outcome = 'not found';
      throw new ConnectorError(query.errors.notFound, detailOf(answer.body) ?? `${query.subject.type} ${query.subject.id} is not in the register`);
    }
    if (answer.status === 400) {
      outcome = 'refused as invalid';
      throw new ConnectorError(query.errors.invalid, detailOf(answer.body) ?? 'the register refused the request as malformed');
    }
    throw new Error(`register answered ${answer.status}${detailOf(answer.body) ? `: ${detailOf(answer.body)}` : ''}`);
  } finally {
    await context.services.audit.record({
      action: 'register.queried',
      objectType: query.subject.type,
      objectId: query.subject.id,
      actor: query.requestedBy,
      details: {
        service: `${subsystemIdOf(settings.subsystemUrl)}/${query.serviceCode}`,
        purpose: query.purpose, requestedBy: query.requestedBy, xRoadId, requestHash, outcome, status,
        applicationId: context.applicationId ?? null, instanceKey: context.instanceKey, ...query.auditDetails,
      },
    });
    context.logger.info('register queried', { service: query.serviceCode, xRoadId, outcome, status });
  }
}
