import type { DataSource } from 'typeorm';
import { bpmnElements } from '@konstruktor/forms';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ApplicationEntity, type Application, type ApplicationStatus } from '../applications/application.entity.js';
import type { Applications } from '../applications/applications.js';
import type { Outbox } from '../bridge/outbox.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';
import { readBpmn } from '../designer/bpmn-lint.js';
import type { Locale } from '../forms/start-form.js';
import { problems } from '../http/problem.js';
import { FINAL_STATUSES } from './process-status.js';

/**
 * The message a service's process catches to end a case its applicant withdraws (an
 * interrupting message event sub-process, correlation key `=applicationId`), as long as its
 * process allows: once the message has no subscription (after the decision), it goes nowhere.
 */
export const WITHDRAW_MESSAGE = 'withdraw';
/** Long enough for an order whose process has not started yet to meet the message when it does. */
const WITHDRAW_TTL_MS = 3600_000;

const REFUSALS: Record<'decided' | 'ended' | 'not-offered', Record<Locale, string>> = {
  decided: {
    lt: 'Dėl prašymo jau priimtas sprendimas, jo atsiimti nebegalima.',
    lv: 'Par pieteikumu jau ir pieņemts lēmums, to vairs nevar atsaukt.',
    en: 'The application has already been decided; it can no longer be withdrawn.',
  },
  ended: {
    lt: 'Prašymo nagrinėjimas jau baigtas, jo atsiimti nebegalima.',
    lv: 'Pieteikuma izskatīšana jau ir beigusies, to vairs nevar atsaukt.',
    en: 'The application has already ended; it can no longer be withdrawn.',
  },
  'not-offered': {
    lt: 'Šios paslaugos prašymo internetu atsiimti negalima; kreipkitės į įstaigą.',
    lv: 'Šī pakalpojuma pieteikumu nevar atsaukt tiešsaistē; sazinieties ar iestādi.',
    en: 'Applications for this service cannot be withdrawn online; contact the agency.',
  },
};

function refusal(status: ApplicationStatus): keyof typeof REFUSALS {
  return status === 'approved' || status === 'rejected' ? 'decided' : 'ended';
}

/** Whether a process file catches the withdraw message. */
async function catchesWithdrawal(xml: string): Promise<boolean> {
  const definitions = await readBpmn(xml).catch(() => null);
  return bpmnElements(definitions).some((e) => e.$type === 'bpmn:MessageEventDefinition' && (e.get('messageRef') as { name?: string } | undefined)?.name === WITHDRAW_MESSAGE);
}

/**
 * An applicant's withdrawal of an order: refused (409, in his language) when the order is
 * decided or ended or its process has no withdrawal; otherwise the withdraw message goes to the
 * engine through the outbox, and the process ends the case (it sets the status, cancelled).
 */
export class Withdrawals {
  /** Per service version (a published version never changes). */
  private readonly offered = new Map<string, Promise<boolean>>();

  constructor(private readonly db: DataSource, private readonly deps: { applications: Applications; audit: AuditLog; outbox?: Outbox }) {}

  async request(applicant: User, id: string, locale: Locale): Promise<Application> {
    const visible = await this.deps.applications.visible(applicant, id);
    const { outbox } = this.deps;
    if (!outbox || !(await this.isOffered(visible.serviceVersionId))) throw problems.conflict(REFUSALS['not-offered'][locale]);
    return this.db.transaction(async (manager) => {
      const application = await manager.getRepository(ApplicationEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (FINAL_STATUSES.includes(application.status)) throw problems.conflict(REFUSALS[refusal(application.status)][locale]);
      await outbox.enqueue(manager, {
        kind: 'publish-message',
        // One message per order: asking again while it waits is the same request.
        request: { name: WITHDRAW_MESSAGE, correlationKey: id, messageId: `withdraw-${id}`, timeToLive: WITHDRAW_TTL_MS, variables: {} },
      });
      await this.deps.audit.record(manager, { actorId: applicant.id, action: 'application.withdrawal-requested', objectType: 'application', objectId: id, details: { status: application.status } });
      return application;
    });
  }

  private isOffered(versionId: string): Promise<boolean> {
    let offered = this.offered.get(versionId);
    if (!offered) {
      offered = this.db.getRepository(ServiceVersionEntity).findOneByOrFail({ id: versionId }).then(async (version) => {
        const file = version.card.process ? version.files[version.card.process.file] : undefined;
        return file?.encoding === 'utf8' && (await catchesWithdrawal(file.content));
      });
      offered.catch(() => this.offered.delete(versionId));
      this.offered.set(versionId, offered);
    }
    return offered;
  }
}
