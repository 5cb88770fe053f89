import type { Me } from './api.js';

/**
 * Staff who work cases (officials, supervisors) have their own app, the workspace at
 * /workspace/: the portal sends them there and never asks them to accept the citizen terms.
 */
export function isStaff(me: Me): boolean {
  return me.user.roles.includes('official');
}

/** Where a member of staff goes after logging in: the workspace page he was sent from, else the inbox. */
export function staffDestination(returnTo: string): string {
  return returnTo === '/workspace' || returnTo.startsWith('/workspace/') || returnTo.startsWith('/workspace?') ? returnTo : '/workspace/';
}

/** Leaves the portal for the workspace: a full page load, it is another app. */
export function goToWorkspace(returnTo: string, lang: string): void {
  const target = new URL(staffDestination(returnTo), window.location.origin);
  if (!target.searchParams.has('lang')) target.searchParams.set('lang', lang);
  window.location.assign(target.pathname + target.search);
}
