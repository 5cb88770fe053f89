import { useEffect, useRef } from 'react';

/** An `application` event of GET /api/events: a new step or status of one application. */
export interface ApplicationChange {
  applicationId: string;
  number: string;
  status: string;
  step: string;
  at: string;
}

/** A `message` event: a message to the user arrived or was marked read; `unread` is the count not read. */
export interface MessageChange {
  messageId: string;
  applicationId: string | null;
  subject: string;
  createdAt: string;
  read: boolean;
  unread: number;
}

/** A `task` event (officials): a task of the agency was created, claimed, released, handed over or completed. */
export interface TaskChange {
  taskId: string;
  applicationId: string | null;
  state: string;
  assigneeId: string | null;
  revision?: number;
}

const KINDS = ['application', 'message', 'task'] as const;
type Listener = { kind: (typeof KINDS)[number]; handle: (data: unknown) => void };

/**
 * One stream of the user's changes for the whole page, shared by every part that follows one
 * (the header's unread count, the order shown, the list). The browser's EventSource reconnects
 * by itself and resumes with Last-Event-ID; the stream closes when nothing listens.
 */
const listeners = new Set<Listener>();
let source: EventSource | undefined;

function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/api/events');
    for (const kind of KINDS) {
      source.addEventListener(kind, (message) => {
        const data = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const l of listeners) if (l.kind === kind) l.handle(data);
      });
    }
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      source?.close();
      source = undefined;
    }
  };
}

/** Calls `onChange` for each change to the user's applications (or to one of them) as the server pushes it. */
export function useApplicationChanges(onChange: (change: ApplicationChange) => void, applicationId?: string): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => listen({
    kind: 'application',
    handle: (data) => {
      const change = data as ApplicationChange;
      if (!applicationId || change.applicationId === applicationId) handler.current(change);
    },
  }), [applicationId]);
}

/** Calls `onChange` for each change to a task the official may see (or to one task), as the server pushes it. */
export function useTaskChanges(onChange: (change: TaskChange) => void, taskId?: string): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => listen({
    kind: 'task',
    handle: (data) => {
      const change = data as TaskChange;
      if (!taskId || change.taskId === taskId) handler.current(change);
    },
  }), [taskId]);
}

/** Calls `onChange` when a message to the user arrives or is marked read (`enabled`: only for a logged-in citizen). */
export function useMessageChanges(onChange: (change: MessageChange) => void, enabled = true): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => (enabled ? listen({ kind: 'message', handle: (data) => handler.current(data as MessageChange) }) : undefined), [enabled]);
}
