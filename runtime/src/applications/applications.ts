import { caseCode } from './case-code.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { ElementInstance, EngineAdapter } from '@konstruktor/engine-adapter';
import type { RepresentedEntities } from '../acting-for/represented-entities.js';
import type { Authorisations } from '../acting-for/authorisations.js';
import { namedQuery } from '../db/sql.js';
import { transactionEndingWith } from '../db/transaction-ending-with.js';
import { UserEntity, type User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ServiceEntity, type Service } from '../catalogue/service.entity.js';
import type { ServiceVersion } from '../catalogue/service-version.entity.js';
import { problems } from '../http/problem.js';
import { requireTermsAccepted } from '../terms/terms-service.js';
import type { AuthContext } from '../accounts/auth-context.js';
import type { Documents } from '../documents/documents.js';
import type { Drafts } from '../drafts/drafts.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { Locale } from '../forms/start-form.js';
import { ApplicationEventEntity, type ApplicationEvent } from './application-event.entity.js';
import { ApplicationEntity, type Application } from './application.entity.js';
import { insertWithFirstEvent } from './timeline.js';
import type { IdempotencyKeys, IdempotentRequest } from '../http/idempotency.js';
import type { Receipts } from '../receipts/receipts.js';

/**
 * What happens to an application once it is stored, inside the same transaction: the engine
 * starts the service's process; without an engine, a review task goes to the provider agency.
 */
export interface ApplicationProcessing {
  started(application: Application, manager: EntityManager, order: OrderContext): Promise<void>;
}

/** What the order was made for and by, already loaded, so processing does not read it again. */
export interface OrderContext {
  service: Service;
  version: ServiceVersion;
  applicant: User;
  /** The language the applicant ordered in (the receipt's): what the process answers him in. */
  language: Locale;
}

export interface NewApplication {
  service: string;
  data: Record<string, unknown>;
  onBehalfOf?: string;
  /** Personal code of the person an e-assistant orders for, under that person's authorisation. */
  onBehalfOfPerson?: string;
}

/** What an order answers: the application's id, case number and status when it was stored. */
/** What Submit answers (and a replay of it answers again); the case code is the order number to show. */
export type SubmittedApplication = Pick<Application, 'id' | 'number' | 'status'> & { caseCode: string };

/** What "My orders" lists of an application: not its data, which may be large. */
export type ApplicationSummary = Pick<Application, 'id' | 'number' | 'status' | 'onBehalfOf' | 'authorisationId' | 'submittedAt' | 'updatedAt'> & { serviceCode: string; serviceNumber: number; serviceTitle: Service['title'] } & SubmittedUnderAuthorisation;

/** Names to show on an order made under an e-assistant's authorisation (null on others). */
export interface SubmittedUnderAuthorisation {
  /** The e-assistant who submitted it. */
  submittedByName: string | null;
  /** The person it was submitted for (its applicant). */
  applicantName: string | null;
}

/**
 * An official's reach into applications (the cases module answers it): the applications he may
 * read, and the record of each reading of their personal data.
 */
export interface OfficialReach {
  /** The applications `official` may read, as a condition on `a` (application). */
  condition(official: User): { condition: string; parameters: Record<string, unknown> };
  /** Records that `official` read the application's personal data (`what`: the page or file), with its purpose. */
  recordRead(official: User, applicationId: string, what: string): Promise<void>;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
}

/** Submitting applications and reading them back, with the ownership rules of "My orders". */
export class Applications {
  constructor(
    private readonly db: DataSource,
    private readonly deps: {
      audit: AuditLog; processing: ApplicationProcessing;
      /** Whom a citizen may act for: legal entities (checked in the register) and people (e-assistant authorisations). */
      representedEntities: RepresentedEntities; authorisations: Authorisations;
      /** The start form the data are checked against, the uploads they refer to, the draft they end. */
      forms: ServiceForms; documents: Documents; drafts: Drafts;
      /** Where the steps of process-driven applications are read from. */
      engine?: Pick<EngineAdapter, 'elementInstances'>;
      /** First results of the Idempotency-Keys orders came with. */
      idempotencyKeys: IdempotencyKeys;
      /** Where each order's receipt (what the submitter confirmed) is written. */
      receipts: Receipts;
      /** Which applications officials may read, and the record of their readings. */
      officialReach: OfficialReach;
    },
  ) {}

  /**
   * Checks the data against the service's start form (422 naming every field, in `locale`),
   * stores them cleaned, attaches the uploads they refer to and ends the citizen's draft. The
   * terms of use are checked as the request's session lookup read them. The receipt records the
   * declaration of those terms in `locale`.
   *
   * With an Idempotency-Key, a second order with the same key and body (a double click, a retry
   * after a lost answer) creates nothing and answers what the first one did; the same key with
   * another body is 422. Two such orders at once: the one that commits second fails on the
   * key's row, rolls back whole, and answers the first one's result.
   */
  async submit({ user: applicant, terms }: Pick<AuthContext, 'user' | 'terms'>, input: NewApplication, locale: Locale = 'en', idempotent: IdempotentRequest | null = null): Promise<SubmittedApplication> {
    if (idempotent) {
      const first = await this.deps.idempotencyKeys.find<SubmittedApplication>(applicant.id, idempotent);
      if (first) return first;
    }
    try {
      return await this.store({ user: applicant, terms }, input, locale, idempotent);
    } catch (error) {
      const first = idempotent && (error as { code?: string }).code === '23505' ? await this.deps.idempotencyKeys.find<SubmittedApplication>(applicant.id, idempotent) : null;
      if (first) return first;
      throw error;
    }
  }

  private async store({ user: submitter, terms }: Pick<AuthContext, 'user' | 'terms'>, input: NewApplication, locale: Locale, idempotent: IdempotentRequest | null): Promise<SubmittedApplication> {
    requireTermsAccepted(terms);
    if (input.onBehalfOf !== undefined && input.onBehalfOfPerson !== undefined) {
      throw problems.unprocessable('Order either for a legal entity or for a person, not both', [{ in: 'body', path: '/onBehalfOfPerson', message: 'cannot be given with onBehalfOf' }]);
    }
    // Asked of the register again now, whatever was offered when the citizen chose.
    if (input.onBehalfOf !== undefined) await this.deps.representedEntities.confirm(submitter, input.onBehalfOf, locale);
    const authorised = input.onBehalfOfPerson === undefined ? null : await this.deps.authorisations.confirm(submitter, input.onBehalfOfPerson, input.service, locale);
    // Under an authorisation the order is the represented person's; the assistant is recorded as who submitted it.
    const applicant = authorised?.grantor ?? submitter;
    const { service, version, form } = await this.deps.forms.orderable(input.service);
    const { data, errors } = form.validate(input.data, locale);
    if (errors.length) throw problems.unprocessable(`The form data are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
    const references = form.documentReferences(data);
    return transactionEndingWith(this.db, async (manager) => {
      const owned = await this.deps.documents.unattachedUploads(manager, submitter.id, references.map((r) => r.id));
      const foreign = references.filter((r) => !owned.has(r.id)).map((r) => ({ in: 'body' as const, path: r.path, message: 'is not a file you uploaded for this form' }));
      if (foreign.length) throw problems.unprocessable(`The form refers to files that are not yours to submit: ${foreign.map((e) => e.path).join(', ')}`, foreign);
      const application = await insertWithFirstEvent(manager, {
        serviceId: service.id, serviceVersionId: version.id, applicantId: applicant.id,
        onBehalfOf: input.onBehalfOf ?? null, data, status: 'submitted',
        ...(authorised ? { submittedById: submitter.id, authorisationId: authorised.authorisation.id } : {}),
      }, { kind: 'submitted', actorId: submitter.id, details: { serviceVersion: version.version } });
      await this.deps.documents.attach(manager, [...owned], application.id);
      // Pressing Submit counts as signing (seed 003): what was confirmed is recorded with the application.
      await this.deps.receipts.record(manager, {
        application, service, submitter, termsVersion: terms.currentVersion, language: locale,
        ...(authorised ? { represented: { person: applicant, authorisationId: authorised.authorisation.id } } : {}),
      });
      if (authorised) await this.deps.authorisations.used(manager, authorised.authorisation, submitter, { applicationId: application.id, service: service.code });
      await this.deps.drafts.submitted(manager, submitter.id, service.id);
      await this.deps.processing.started(application, manager, { service, version, applicant, language: locale });
      const submitted: SubmittedApplication = { id: application.id, number: application.number, status: application.status, caseCode: caseCode(service.number, application.number) };
      if (idempotent) await this.deps.idempotencyKeys.record(manager, submitter.id, idempotent, submitted);
      // Last, with the commit right behind it: the audit chain's lock is held only for the two.
      const audited = this.deps.audit.recordLast({
        actorId: submitter.id, action: 'application.submitted', objectType: 'application', objectId: application.id,
        after: application.data, details: {
          service: service.code, version: version.version, onBehalfOf: application.onBehalfOf,
          ...(authorised ? { applicantId: applicant.id, authorisationId: authorised.authorisation.id } : {}),
        },
      });
      return { result: submitted, last: audited };
    });
  }

  /** Applications `viewer` may see, newest first. */
  async list(viewer: User, limit: number, offset: number): Promise<ApplicationPage> {
    const { condition, parameters } = await this.visibleTo(viewer);
    // Only the listed columns, as plain rows: reading and parsing each application's data (jsonb) only to drop it cost most of the time.
    const page = namedQuery<ApplicationSummary>(this.db, `
      SELECT a.id, a.number, a.status, a.on_behalf_of AS "onBehalfOf", a.submitted_at AS "submittedAt", a.updated_at AS "updatedAt", s.code AS "serviceCode", s.number AS "serviceNumber", s.title AS "serviceTitle",
             a.authorisation_id AS "authorisationId", sb.display_name AS "submittedByName", ap.display_name AS "applicantName"
        FROM application a JOIN service s ON s.id = a.service_id
        LEFT JOIN app_user sb ON sb.id = a.submitted_by_id
        LEFT JOIN app_user ap ON a.submitted_by_id IS NOT NULL AND ap.id = a.applicant_id
       WHERE ${condition} ORDER BY a.submitted_at DESC, a.id DESC LIMIT :limit OFFSET :offset`, { ...parameters, limit, offset });
    // Without the service join: it would cost time per row. (count(*) OVER () in the page would make
    // an official's page sort every visible application instead of reading the newest from the index.)
    const count = namedQuery<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM application a WHERE ${condition}`, parameters);
    const [items, [counted]] = await Promise.all([page, count]);
    return { items, total: counted?.n ?? 0 };
  }

  /**
   * The application for a viewer about to see its personal data (`what`: the page or file): 404
   * when it is not his to see; an official's reading of someone else's order is recorded, with its purpose.
   */
  async read(viewer: User, id: string, what: string): Promise<Application> {
    const application = await this.visible(viewer, id);
    const ownOrder = application.applicantId === viewer.id || application.submittedById === viewer.id;
    if (viewer.roles.includes('official') && !ownOrder) await this.deps.officialReach.recordRead(viewer, id, what);
    return application;
  }

  /** The application, or 404 when it is not the viewer's to see. */
  async visible(viewer: User, id: string): Promise<Application> {
    const { condition, parameters } = await this.visibleTo(viewer);
    const application = await this.db.getRepository(ApplicationEntity).createQueryBuilder('a')
      .where('a.id = :id', { id }).andWhere(condition, parameters).getOne();
    if (!application) throw problems.notFound('application', id);
    return application;
  }

  /** One application with its timeline, or 404 when it is not the viewer's to see. */
  async get(viewer: User, id: string, what = 'application'): Promise<{ application: Application; serviceCode: string; serviceNumber: number; serviceTitle: Service['title']; timeline: ApplicationEvent[]; steps: ElementInstance[]; names: SubmittedUnderAuthorisation }> {
    const application = await this.read(viewer, id, what);
    const [service, timeline, names] = await Promise.all([
      this.db.getRepository(ServiceEntity).findOneByOrFail({ id: application.serviceId }),
      this.db.getRepository(ApplicationEventEntity).find({ where: { applicationId: id }, order: { at: 'ASC' } }),
      this.namesUnderAuthorisation(application),
    ]);
    // The process steps taken so far (not the process itself, nor its sequence flows).
    const steps = application.processInstanceKey && this.deps.engine
      ? (await this.deps.engine.elementInstances(application.processInstanceKey)).filter((e) => e.type !== 'PROCESS' && e.type !== 'SEQUENCE_FLOW')
      : [];
    return { application, serviceCode: service.code, serviceNumber: service.number, serviceTitle: service.title, timeline, steps, names };
  }

  private async namesUnderAuthorisation(application: Application): Promise<SubmittedUnderAuthorisation> {
    if (!application.submittedById) return { submittedByName: null, applicantName: null };
    const users = await this.db.getRepository(UserEntity).findBy({ id: In([application.submittedById, application.applicantId]) });
    const name = (userId: string) => users.find((u) => u.id === userId)?.displayName ?? null;
    return { submittedByName: name(application.submittedById), applicantName: name(application.applicantId) };
  }

  /**
   * Who sees which applications, as a condition on `a` (application). Citizens: their own
   * applications (also those an e-assistant made for them), those of entities they represent
   * right now, and those they made as e-assistant under an authorisation not revoked. Officials:
   * their cases (the official reach). Nobody else sees applications.
   */
  private async visibleTo(viewer: User): Promise<{ condition: string; parameters: Record<string, unknown> }> {
    const clauses: string[] = [];
    const parameters: Record<string, unknown> = {};
    if (viewer.roles.includes('citizen')) {
      // Read first, not as a subquery: most citizens represent nobody, and the query without
      // that clause reads the newest of their applications straight from the index.
      const [entities, authorisations] = await Promise.all([
        this.deps.representedEntities.visibleCodes(viewer), this.deps.authorisations.unrevokedIdsFor(viewer),
      ]);
      clauses.push('(a.applicant_id = :viewerId AND a.on_behalf_of IS NULL)');
      if (entities.length) clauses.push('a.on_behalf_of = ANY(:entities)');
      if (authorisations.length) clauses.push('a.authorisation_id = ANY(:authorisations)');
      Object.assign(parameters, { viewerId: viewer.id, entities, authorisations });
    }
    if (viewer.roles.includes('official')) {
      const reach = this.deps.officialReach.condition(viewer);
      clauses.push(reach.condition);
      Object.assign(parameters, reach.parameters);
    }
    return { condition: clauses.length ? `(${clauses.join(' OR ')})` : 'FALSE', parameters };
  }
}
