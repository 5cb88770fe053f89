import type { EngineAdapter } from '@konstruktor/engine-adapter';
import { ApplicationEntity } from '../applications/application.entity.js';
import type { ApplicationProcessing } from '../applications/applications.js';
import { addTimelineEvent } from '../applications/timeline.js';

/**
 * Applications of services with a process start an instance of the version published when
 * they were made; the start form's data become its variables. Services without a process get
 * the built-in review task (`review`).
 */
export function processApplications(engine: EngineAdapter, review: ApplicationProcessing): ApplicationProcessing {
  return {
    async started(application, manager, order) {
      const { version, applicant } = order;
      if (!version.processDefinition) return review.started(application, manager, order);
      const { processId, version: processVersion } = version.processDefinition;
      const instance = await engine.createInstance({
        processId, version: processVersion,
        variables: {
          ...application.data,
          applicationId: application.id,
          applicationNumber: application.number,
          applicant: { personalCode: applicant.personalCode, name: applicant.displayName },
          onBehalfOf: application.onBehalfOf,
        },
      });
      const started = await manager.getRepository(ApplicationEntity).save({ ...application, processInstanceKey: instance.instanceKey, status: 'in-progress' });
      Object.assign(application, started);
      await addTimelineEvent(manager, started, 'process-started', null, { processId, version: processVersion });
    },
  };
}
