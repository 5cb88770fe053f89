import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AgencyEntity } from '../accounts/agency.entity.js';
import { hashPassword } from '../accounts/passwords.js';
import { UserEntity, type User } from '../accounts/user.entity.js';
import type { Role } from '../common/schemas.js';
import { TermsOfUseEntity } from '../terms/terms.entity.js';
import type { Services } from '../services.js';
import { HttpProblem } from '../http/problem.js';
import { readServicePackage, type PackageUpload } from '../catalogue/package-reader.js';
import { ServiceEntity } from '../catalogue/service.entity.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';

export const DEMO_AGENCIES = [
  // The IBANs are the registries' published example numbers, printed on demo invoices.
  { code: 'kaunas-city', registrationCode: '188764867', iban: 'LT121000011101001000', name: { lt: 'Kauno miesto savivaldybės administracija', lv: 'Kauņas pilsētas pašvaldības administrācija', en: 'Kaunas City Municipality Administration' } },
  { code: 'lv-vsaa', registrationCode: '90001858581', iban: 'LV80BANK0000435195001', name: { lt: 'Latvijos valstybinė socialinio draudimo agentūra', lv: 'Valsts sociālās apdrošināšanas aģentūra', en: 'State Social Insurance Agency' } },
];

interface DemoUser { username: string; displayName: string; roles: Role[]; agency?: string; groups?: string[]; personalCode?: string; email: string }

export const DEMO_USERS: DemoUser[] = [
  { username: 'analyst', displayName: 'Asta Analitikė', roles: ['analyst'], agency: 'kaunas-city', email: 'analyst@kaunas.example' },
  { username: 'developer', displayName: 'Darius Programuotojas', roles: ['developer'], agency: 'kaunas-city', email: 'developer@kaunas.example' },
  { username: 'official', displayName: 'Ona Valdininkė', roles: ['official'], agency: 'kaunas-city', groups: ['permits', 'declarations'], personalCode: '48501010001', email: 'official@kaunas.example' },
  { username: 'official2', displayName: 'Petras Pareigūnas', roles: ['official'], agency: 'kaunas-city', groups: ['permits'], personalCode: '38601010002', email: 'official2@kaunas.example' },
  // A supervisor is an official who sees the agency's whole queue and reassigns its tasks.
  { username: 'supervisor', displayName: 'Sigita Vadovė', roles: ['official', 'supervisor'], agency: 'kaunas-city', groups: ['permits', 'declarations'], personalCode: '47901010003', email: 'supervisor@kaunas.example' },
  { username: 'administrator', displayName: 'Adomas Administratorius', roles: ['administrator'], email: 'admin@konstruktor.example' },
  { username: 'citizen', displayName: 'Jonas Jonaitis', roles: ['citizen'], personalCode: '38501010013', email: 'jonas@example.lt' },
  { username: 'citizen2', displayName: 'Ieva Bērziņa', roles: ['citizen'], personalCode: '010190-10036', email: 'ieva@example.lv' },
];

const TERMS_V1 = {
  version: 1,
  title: { lt: 'Naudojimosi taisyklės', lv: 'Lietošanas noteikumi', en: 'Terms of use' },
  body: {
    lt: 'Pateikdami užsakymą patvirtinate, kad duomenys teisingi. Paspaudimas „Pateikti“ prilyginamas pasirašymui. Asmens duomenys tvarkomi pagal BDAR tik paslaugai suteikti.',
    lv: 'Iesniedzot pieteikumu, jūs apliecināt, ka dati ir pareizi. Poga “Iesniegt” ir pielīdzināma parakstīšanai. Personas dati tiek apstrādāti saskaņā ar VDAR tikai pakalpojuma sniegšanai.',
    en: 'By submitting an order you confirm the data are correct. Pressing Submit counts as signing. Personal data are processed under the GDPR only to provide the service.',
  },
};

/** The demo password: DEMO_PASSWORD, else one generated once and kept in the data folder. */
export async function demoPassword(given: string | undefined, dataDir: string): Promise<string> {
  if (given) return given;
  if (dataDir === 'memory') return randomBytes(9).toString('base64url');
  const file = path.join(dataDir, 'demo-password.txt');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(9).toString('base64url');
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/** Agencies, demo accounts and terms of use; safe to run at every start. */
export async function seedDemo(db: DataSource, password: string): Promise<void> {
  const agencies = db.getRepository(AgencyEntity);
  for (const agency of DEMO_AGENCIES) {
    if (!(await agencies.existsBy({ code: agency.code }))) await agencies.save(agency);
    // Seeded before agencies had an IBAN: the demo one.
    else await agencies.update({ code: agency.code, iban: IsNull() }, { iban: agency.iban });
  }
  const agencyIds = new Map((await agencies.find()).map((a) => [a.code, a.id]));
  const users = db.getRepository(UserEntity);
  const passwordHash = await hashPassword(password);
  for (const demo of DEMO_USERS) {
    const existing = await users.findOneBy({ username: demo.username });
    const values: Omit<User, 'id' | 'createdAt'> = {
      username: demo.username, displayName: demo.displayName, email: demo.email, personalCode: demo.personalCode ?? null,
      oidcSubject: existing?.oidcSubject ?? null, passwordHash, roles: demo.roles,
      agencyId: demo.agency ? agencyIds.get(demo.agency)! : null, groups: demo.groups ?? [], disabledAt: null,
    };
    await users.save(existing ? { ...existing, ...values } : values);
  }
  const terms = db.getRepository(TermsOfUseEntity);
  if (!(await terms.existsBy({ version: TERMS_V1.version }))) await terms.save({ ...TERMS_V1, effectiveFrom: new Date('2026-01-01T00:00:00Z') });
}

/** Every folder under `root` that holds a service.yaml, as an upload of its files. */
async function findPackages(root: string, depth = 3): Promise<{ dir: string; upload: PackageUpload }[]> {
  const found: { dir: string; upload: PackageUpload }[] = [];
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && e.name === 'service.yaml')) {
    const files: Record<string, { base64: string }> = {};
    for (const file of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const full = path.join(file.parentPath, file.name);
      files[path.relative(root, full).split(path.sep).join('/')] = { base64: (await fs.readFile(full)).toString('base64') };
    }
    return [{ dir: root, upload: { files } }];
  }
  if (depth === 0) return found;
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      found.push(...(await findPackages(path.join(root, entry.name), depth - 1)));
    }
  }
  return found;
}

/**
 * Imports and publishes every service package under `root` whose version is not in the
 * catalogue yet, as the first analyst of its provider agency.
 */
export async function importExamplePackages(services: Services, root: string, logger: Logger): Promise<string[]> {
  const imported: string[] = [];
  for (const { dir, upload } of await findPackages(root)) {
    try {
      const pkg = readServicePackage(upload);
      const service = await services.db.getRepository(ServiceEntity).findOneBy({ code: pkg.card.code });
      if (service && (await services.db.getRepository(ServiceVersionEntity).existsBy({ serviceId: service.id, version: pkg.card.version }))) continue;
      const agency = await services.db.getRepository(AgencyEntity).findOneBy({ code: pkg.card.provider });
      const analyst = agency && (await services.db.getRepository(UserEntity).createQueryBuilder('u')
        .where('u.agencyId = :agencyId', { agencyId: agency.id }).andWhere(`'analyst' = ANY(u.roles)`).orderBy('u.createdAt').getOne());
      if (!analyst) {
        logger.warn({ dir, provider: pkg.card.provider }, 'example package skipped: its provider agency has no analyst');
        continue;
      }
      await services.catalogue.importPackage(analyst, pkg);
      await services.catalogue.publish(analyst, pkg.card.code, pkg.card.version);
      imported.push(`${pkg.card.code}@${pkg.card.version}`);
    } catch (error) {
      const reason = error instanceof HttpProblem ? (error.detail ?? error.title) : (error as Error).message;
      logger.warn({ dir, reason }, 'example package skipped');
    }
  }
  return imported;
}
