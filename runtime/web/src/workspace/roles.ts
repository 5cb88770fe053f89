import type { Me } from './api-types.js';

/** Staff who work tasks: an official (a supervisor is one too). */
export function isOfficial(me: Me): boolean {
  return me.user.roles.includes('official');
}

/** A supervisor sees the agency's whole queue, reassigns and opens a case on its own. */
export function isSupervisor(me: Me): boolean {
  return me.user.roles.includes('supervisor');
}
