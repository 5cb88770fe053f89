import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/**
 * Whom the logged-in person orders for now: himself, a legal entity the register names him a
 * representative of, or a person who authorised him as e-assistant. Kept for the browser tab
 * (sessionStorage); the server checks the choice again when an order is submitted.
 */
export type ActingFor =
  | { kind: 'self' }
  | { kind: 'entity'; code: string; name: string }
  | { kind: 'person'; personalCode: string; name: string; authorisationId: string };

const KEY = 'konstruktor.actingFor';
const SELF: ActingFor = { kind: 'self' };

function stored(userId: string | undefined): ActingFor {
  if (!userId || typeof sessionStorage === 'undefined') return SELF;
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { userId: string; choice: ActingFor } | null;
    return value?.userId === userId ? value.choice : SELF;
  } catch {
    return SELF;
  }
}

const ActingForContext = createContext<{ actingFor: ActingFor; choose: (choice: ActingFor) => void }>({ actingFor: SELF, choose: () => undefined });

export function ActingForProvider({ userId, children }: { userId: string | undefined; children: ReactNode }) {
  const [state, setState] = useState(() => ({ userId, choice: stored(userId) }));
  // Another person logging in in this tab starts as himself.
  const actingFor = state.userId === userId ? state.choice : stored(userId);
  const choose = useCallback((choice: ActingFor) => {
    if (userId) sessionStorage.setItem(KEY, JSON.stringify({ userId, choice }));
    setState({ userId, choice });
  }, [userId]);
  return <ActingForContext value={{ actingFor, choose }}>{children}</ActingForContext>;
}

export const useActingFor = () => useContext(ActingForContext);

/** What Submit sends for the choice. */
export function onBehalfOf(choice: ActingFor): { onBehalfOf?: string; onBehalfOfPerson?: string } {
  if (choice.kind === 'entity') return { onBehalfOf: choice.code };
  if (choice.kind === 'person') return { onBehalfOfPerson: choice.personalCode };
  return {};
}
