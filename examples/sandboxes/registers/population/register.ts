/**
 * Sandbox population register: fictional people (people.json beside this file) served over the
 * X-Road REST protocol. Services: `person/{personalCode}` and `family-relations/{personalCode}`.
 */
import { readFile } from 'node:fs/promises';
import { parsePersonalCode } from '../personal-code.js';
import { problem, startXRoadServer, type RegisterServerOptions, type XRoadServer, type XRoadServiceAnswer, type XRoadServiceRequest } from '../xroad-server.js';

/** Registrų centras keeps the Lithuanian population register; `GR` is its subsystem in the sandbox instance. */
export const POPULATION_REGISTER_PROVIDER = 'LT-TEST/GOV/124110246/GR';

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface PersonRecord {
  personalCode: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'M' | 'F';
  citizenship: string;
  address: Address | null;
  deceasedOn?: string;
  mother?: string;
  father?: string;
  spouse?: string;
}

export async function loadPeople(): Promise<Map<string, PersonRecord>> {
  const { people } = JSON.parse(await readFile(new URL('./people.json', import.meta.url), 'utf8')) as { people: PersonRecord[] };
  const byCode = new Map(people.map((person) => [person.personalCode, person]));
  // The seed is hand-written: refuse to start on a typo rather than serve inconsistent relations.
  for (const person of people) {
    if (!parsePersonalCode(person.personalCode)) throw new Error(`people.json: ${person.personalCode} is not a valid personal code`);
    for (const relation of ['mother', 'father', 'spouse'] as const) {
      const code = person[relation];
      if (code && !byCode.has(code)) throw new Error(`people.json: ${relation} ${code} of ${person.personalCode} is not in the register`);
    }
    if (person.spouse && byCode.get(person.spouse)?.spouse !== person.personalCode) throw new Error(`people.json: spouse of ${person.personalCode} is not recorded on both sides`);
  }
  return byCode;
}

function summary(person: PersonRecord) {
  return {
    personalCode: person.personalCode, givenName: person.givenName, familyName: person.familyName,
    birthDate: person.birthDate, deceasedOn: person.deceasedOn ?? null,
  };
}

function lookup(people: Map<string, PersonRecord>, request: XRoadServiceRequest): PersonRecord | XRoadServiceAnswer {
  const [code, ...rest] = request.segments;
  if (!code || rest.length > 0) return problem(400, 'the path must end with one personal code');
  if (!parsePersonalCode(code)) return problem(400, `${JSON.stringify(code)} is not a valid LT or LV personal code`);
  return people.get(code) ?? problem(404, `no person with personal code ${code} in the register`);
}

export async function startPopulationRegister(options: RegisterServerOptions): Promise<XRoadServer> {
  const people = await loadPeople();
  const found = (value: PersonRecord | XRoadServiceAnswer): value is PersonRecord => 'personalCode' in value;
  return startXRoadServer({
    ...options,
    provider: options.provider ?? POPULATION_REGISTER_PROVIDER,
    services: {
      person(request) {
        const person = lookup(people, request);
        if (!found(person)) return person;
        const { mother: _mother, father: _father, spouse: _spouse, ...data } = person;
        return { status: 200, body: { ...data, deceasedOn: person.deceasedOn ?? null } };
      },
      'family-relations'(request) {
        const person = lookup(people, request);
        if (!found(person)) return person;
        const relative = (code: string | undefined) => (code ? people.get(code) : undefined);
        const parents = (['mother', 'father'] as const).flatMap((relation) => {
          const parent = relative(person[relation]);
          return parent ? [{ relation, ...summary(parent) }] : [];
        });
        const children = [...people.values()]
          .filter((child) => child.mother === person.personalCode || child.father === person.personalCode)
          .sort((a, b) => a.birthDate.localeCompare(b.birthDate))
          .map((child) => ({ relation: 'child', ...summary(child) }));
        const spouse = relative(person.spouse);
        return { status: 200, body: { personalCode: person.personalCode, parents, children, spouse: spouse ? { relation: 'spouse', ...summary(spouse) } : null } };
      },
    },
  });
}
