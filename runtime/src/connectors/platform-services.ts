/**
 * The platform services connectors use (@konstruktor/connectors PlatformServices), backed by the
 * runtime's own: documents in the document table, audit events in the hash-chained trail,
 * messages in the citizens' portal inbox, and the runtime's engine.
 */
import type { DocumentStore, InboxSink, PlatformServices, StoredDocument } from '@konstruktor/connectors';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import { ApplicationEntity } from '../applications/application.entity.js';
import type { Services } from '../services.js';
import type { Document } from '../documents/document.entity.js';
import { paymentService } from '../payments/payment-service.js';
import { packageFiles } from '../package-files/package-files.js';

const stored = (document: Omit<Document, 'content'>): StoredDocument => ({
  documentId: document.id, filename: document.filename, mediaType: document.mediaType, size: document.size, sha256: document.sha256,
});

/** The document a signed copy was made of, when it is one of the same application's (else none is recorded). */
async function copiedDocument(services: Services, id: string, applicationId: string): Promise<string | null> {
  const [row] = (await services.db.query('SELECT id FROM document WHERE id::text = $1 AND application_id = $2', [id, applicationId])) as { id: string }[];
  return row?.id ?? null;
}

function documentStore(services: Services): DocumentStore {
  return {
    async store(document) {
      // A document belongs to an application and, like the citizen's uploads, to its applicant.
      if (!document.applicationId) throw new Error('documents.store: applicationId is required (a connector stores documents of an application)');
      const application = await services.db.getRepository(ApplicationEntity).findOneBy({ id: document.applicationId });
      if (!application) throw new Error(`documents.store: application ${document.applicationId} does not exist`);
      const signedCopyOf = document.signedCopyOf ? await copiedDocument(services, document.signedCopyOf, application.id) : null;
      const saved = await services.db.transaction((manager) => services.documents.store(manager, {
        applicationId: application.id, ownerId: application.applicantId, filename: document.filename, mediaType: document.mediaType,
        content: Buffer.from(document.content), signedCopyOf,
      }));
      return stored(saved);
    },
    async read(documentId) {
      const document = await services.documents.read(documentId);
      if (!document) throw new Error(`documents.read: document ${documentId} does not exist`);
      return { ...stored(document), content: new Uint8Array(document.content) };
    },
  };
}

function inboxSink(services: Services): InboxSink {
  return {
    async send(message) {
      const saved = await services.portalInbox.send(message);
      return { messageId: saved.id };
    },
  };
}

export function runtimePlatformServices(services: Services, engine: EngineAdapter): PlatformServices {
  return {
    engine,
    documents: documentStore(services),
    inbox: inboxSink(services),
    payments: paymentService(services.payments),
    servicePackage: packageFiles(services.db),
    notificationPreferences: services.notificationPreferences,
    audit: {
      async record(event) {
        await services.audit.recordAlone({
          actorId: null, action: event.action, objectType: event.objectType, objectId: event.objectId,
          // `actor` is who the connector acted for (e.g. a personal code), not a platform user id.
          details: { ...event.details, ...(event.actor ? { actor: event.actor } : {}) },
        });
      },
    },
  };
}
