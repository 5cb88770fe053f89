import { useEffect, useRef } from 'react';

/** An `application` event of GET /api/events: a new step or status of one application. */
export interface ApplicationChange {
  applicationId: string;
  number: string;
  status: string;
  step: string;
  at: string;
}

/**
 * Calls `onChange` for each change to the user's applications (or to one of them) as the server
 * pushes it. The browser's EventSource reconnects by itself and resumes with Last-Event-ID.
 */
export function useApplicationChanges(onChange: (change: ApplicationChange) => void, applicationId?: string): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const source = new EventSource(applicationId ? `/api/events?application=${applicationId}` : '/api/events');
    source.addEventListener('application', (message) => handler.current(JSON.parse((message as MessageEvent<string>).data) as ApplicationChange));
    return () => source.close();
  }, [applicationId]);
}
