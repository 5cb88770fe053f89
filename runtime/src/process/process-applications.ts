import type { ApplicationProcessing } from '../applications/applications.js';
import type { Outbox } from '../bridge/outbox.js';
import { applicationBusinessKey } from './order-projection.js';

/**
 * Applications of services with a process start an instance of the version published when
 * they were made; the start form's data become its variables, beside the order's id, number,
 * applicant, represented entity and language (lt, lv, en). The command goes out through the
 * outbox with the order, so an order that is not stored starts nothing and a stored one starts
 * exactly one instance (its business key). Services without a process get the built-in review
 * task (`review`).
 */
export function processApplications(outbox: Outbox, review: ApplicationProcessing): ApplicationProcessing {
  return {
    async started(application, manager, order) {
      const { version, applicant, language } = order;
      if (!version.processDefinition) return review.started(application, manager, order);
      const { processId, version: processVersion } = version.processDefinition;
      await outbox.enqueue(manager, {
        kind: 'create-instance',
        request: {
          processId, version: processVersion, businessKey: applicationBusinessKey(application.id),
          variables: {
            ...application.data,
            applicationId: application.id,
            applicationNumber: application.number,
            applicant: { personalCode: applicant.personalCode, name: applicant.displayName },
            onBehalfOf: application.onBehalfOf,
            language,
          },
        },
      });
    },
  };
}
