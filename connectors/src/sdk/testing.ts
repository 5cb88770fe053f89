/**
 * Helpers for testing a connector end to end on the embedded engine: a one-task process around
 * it and platform services kept in memory. Used by the built-ins' tests and by agency
 * developers (connectors/template/).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { AuditSink, DocumentStore, InboxSink, PlatformServices, StoredDocument } from './contract.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ServiceTaskProcessOptions {
  processId: string;
  /** The connector id (the task's job type). */
  type: string;
  /** zeebe:input mappings: target -> FEEL source (e.g. `{ url: '=baseUrl + "/x"' }`) or a plain value. */
  inputs?: Record<string, string>;
  /** zeebe:taskHeader entries, e.g. resultVariable, resultExpression, errorExpression. */
  headers?: Record<string, string>;
  retries?: number;
  /** Catch this BPMN error code on the task: the instance then ends at `errorEnd` with `caughtErrorCode` set. */
  catchErrorCode?: string;
}

/** start -> service task `task` -> end `done` (and an error boundary -> `errorEnd` when asked). */
export function serviceTaskBpmn(options: ServiceTaskProcessOptions): string {
  const attr = escapeXml;
  const inputs = Object.entries(options.inputs ?? {}).map(([target, source]) => `<zeebe:input source="${attr(source)}" target="${attr(target)}" />`).join('');
  const headers = Object.entries(options.headers ?? {}).map(([key, value]) => `<zeebe:header key="${attr(key)}" value="${attr(value)}" />`).join('');
  const boundary = options.catchErrorCode === undefined ? '' : `
    <bpmn:boundaryEvent id="failed" attachedToRef="task">
      <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=&quot;${attr(options.catchErrorCode)}&quot;" target="caughtErrorCode" /></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:errorEventDefinition errorRef="err" />
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="errorEnd"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="failed" targetRef="errorEnd" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${attr(options.processId)}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${attr(options.processId)}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="task">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${attr(options.type)}" retries="${options.retries ?? 3}" />
        ${inputs ? `<zeebe:ioMapping>${inputs}</zeebe:ioMapping>` : ''}
        ${headers ? `<zeebe:taskHeaders>${headers}</zeebe:taskHeaders>` : ''}
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="done" />${boundary}
  </bpmn:process>${options.catchErrorCode === undefined ? '' : `
  <bpmn:error id="err" name="${attr(options.catchErrorCode)}" errorCode="${attr(options.catchErrorCode)}" />`}
</bpmn:definitions>`;
}

/** Platform services kept in memory, inspectable by a test (`documents`, `auditEvents`, `messages`). */
export function memoryPlatformServices(engine: EngineAdapter): PlatformServices & {
  stored: Map<string, StoredDocument & { content: Uint8Array; applicationId?: string }>;
  auditEvents: Parameters<AuditSink['record']>[0][];
  messages: (Parameters<InboxSink['send']>[0] & { messageId: string })[];
} {
  const stored = new Map<string, StoredDocument & { content: Uint8Array; applicationId?: string }>();
  const auditEvents: Parameters<AuditSink['record']>[0][] = [];
  const messages: (Parameters<InboxSink['send']>[0] & { messageId: string })[] = [];
  const documents: DocumentStore = {
    async store(document) {
      const record = {
        documentId: randomUUID(), filename: document.filename, mediaType: document.mediaType, size: document.content.byteLength,
        sha256: createHash('sha256').update(document.content).digest('hex'), content: document.content, applicationId: document.applicationId,
      };
      stored.set(record.documentId, record);
      const { content: _content, applicationId: _applicationId, ...meta } = record;
      return meta;
    },
    async read(documentId) {
      const record = stored.get(documentId);
      if (!record) throw new Error(`document ${documentId} not found`);
      return record;
    },
  };
  return {
    engine, documents, stored, auditEvents, messages,
    audit: { async record(event) { auditEvents.push(event); } },
    inbox: {
      async send(message) {
        const earlier = message.idempotencyKey ? messages.find((m) => m.idempotencyKey === message.idempotencyKey) : undefined;
        if (earlier) return { messageId: earlier.messageId };
        const messageId = randomUUID();
        messages.push({ ...message, messageId });
        return { messageId };
      },
    },
  };
}

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
