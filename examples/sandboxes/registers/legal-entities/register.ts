/**
 * Sandbox legal entities register: fictional companies (companies.json beside this file) served
 * over the X-Road REST protocol. Services: `company/{code}`,
 * `representation/{companyCode}/{personalCode}` (may this person act for the company, and why)
 * and `represented-entities/{personalCode}` (the companies this person may act for now).
 */
import { readFile } from 'node:fs/promises';
import { parsePersonalCode } from '../personal-code.js';
import type { Address } from '../population/register.js';
import { problem, startXRoadServer, type RegisterServerOptions, type XRoadServer, type XRoadServiceAnswer } from '../xroad-server.js';

/** Registrų centras also keeps the register of legal entities (JAR). */
export const LEGAL_ENTITIES_REGISTER_PROVIDER = 'LT-TEST/GOV/124110246/JAR';

interface Representative {
  personalCode: string;
  name: string;
  mode: 'alone' | 'jointly';
  jointlyWith?: string[];
  basis: string;
  since: string;
  until?: string;
}

export interface CompanyRecord {
  code: string;
  name: string;
  legalForm: { code: string; title: string };
  status: 'registered' | 'in liquidation' | 'deregistered';
  registeredOn: string;
  deregisteredOn?: string;
  address: Address;
  managers: { personalCode: string; name: string; role: string; since: string }[];
  representatives: Representative[];
}

/** LT legal entity codes have 9 digits; LV registration numbers 11, starting with 4 or 5. */
const COMPANY_CODE = /^(\d{9}|[45]\d{10})$/;

export async function loadCompanies(): Promise<Map<string, CompanyRecord>> {
  const { companies } = JSON.parse(await readFile(new URL('./companies.json', import.meta.url), 'utf8')) as { companies: CompanyRecord[] };
  for (const company of companies) {
    if (!COMPANY_CODE.test(company.code)) throw new Error(`companies.json: ${company.code} is not a valid company code`);
    for (const person of [...company.managers, ...company.representatives]) {
      if (!parsePersonalCode(person.personalCode)) throw new Error(`companies.json: ${person.personalCode} of ${company.code} is not a valid personal code`);
    }
  }
  return new Map(companies.map((company) => [company.code, company]));
}

export async function startLegalEntitiesRegister(options: RegisterServerOptions & { today?: () => string }): Promise<XRoadServer> {
  const companies = await loadCompanies();
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  function company(code: string | undefined): CompanyRecord | XRoadServiceAnswer {
    if (!code || !COMPANY_CODE.test(code)) return problem(400, `${JSON.stringify(code ?? '')} is not a valid company code (9 digits in LT, 11 in LV)`);
    return companies.get(code) ?? problem(404, `no legal entity with code ${code} in the register`);
  }
  const found = (value: CompanyRecord | XRoadServiceAnswer): value is CompanyRecord => 'code' in value;

  return startXRoadServer({
    ...options,
    provider: options.provider ?? LEGAL_ENTITIES_REGISTER_PROVIDER,
    services: {
      company(request) {
        if (request.segments.length !== 1) return problem(400, 'the path must end with one company code');
        const record = company(request.segments[0]);
        if (!found(record)) return record;
        const { representatives: _representatives, managers, ...data } = record;
        return {
          status: 200,
          body: { ...data, deregisteredOn: record.deregisteredOn ?? null, managers: managers.map(({ name, role, since }) => ({ name, role, since })) },
        };
      },
      representation(request) {
        const [companyCode, personalCode, ...rest] = request.segments;
        if (!personalCode || rest.length > 0) return problem(400, 'the path must end with a company code and a personal code');
        if (!parsePersonalCode(personalCode)) return problem(400, `${JSON.stringify(personalCode)} is not a valid LT or LV personal code`);
        const record = company(companyCode);
        if (!found(record)) return record;
        const answer = (mayRepresent: boolean, basis: string, right?: Representative) => ({
          status: 200,
          body: {
            companyCode: record.code, companyName: record.name, personalCode, mayRepresent, basis,
            alone: mayRepresent ? right?.mode === 'alone' : false,
            jointlyWith: mayRepresent ? (right?.jointlyWith ?? []).map((code) => record.representatives.find((other) => other.personalCode === code)?.name ?? code) : [],
            validUntil: mayRepresent ? (right?.until ?? null) : null,
          },
        });
        if (record.status === 'deregistered') return answer(false, `the legal entity was deregistered on ${record.deregisteredOn}`);
        const rights = record.representatives.filter((right) => right.personalCode === personalCode);
        const now = today();
        const current = rights.find((right) => right.since <= now && (!right.until || now <= right.until));
        if (current) return answer(true, current.basis, current);
        const expired = rights.find((right) => right.until && right.until < now);
        if (expired) return answer(false, `${expired.basis} expired on ${expired.until}`);
        return answer(false, 'the person has no registered right to represent the legal entity');
      },
      'represented-entities'(request) {
        const [personalCode, ...rest] = request.segments;
        if (!personalCode || rest.length > 0) return problem(400, 'the path must end with one personal code');
        if (!parsePersonalCode(personalCode)) return problem(400, `${JSON.stringify(personalCode)} is not a valid LT or LV personal code`);
        const now = today();
        // A person the register does not know represents nobody: an empty list, not 404.
        const entities = [...companies.values()].filter((record) => record.status !== 'deregistered').flatMap((record) => {
          const right = record.representatives.find((r) => r.personalCode === personalCode && r.since <= now && (!r.until || now <= r.until));
          if (!right) return [];
          const office = record.managers.find((manager) => manager.personalCode === personalCode);
          return [{
            companyCode: record.code, companyName: record.name, legalForm: record.legalForm.code, status: record.status,
            role: office?.role ?? 'authorised representative', basis: right.basis, alone: right.mode === 'alone',
            jointlyWith: (right.jointlyWith ?? []).map((code) => record.representatives.find((other) => other.personalCode === code)?.name ?? code),
            validUntil: right.until ?? null,
          }];
        });
        return { status: 200, body: { personalCode, entities } };
      },
    },
  });
}
