import type { User } from '../accounts/user.entity.js';

/** A prefilled value and where it came from, shown to the citizen beside the field. */
export interface Prefilled {
  value: string;
  source: string;
}

/** What the platform knows about the user, by the `profile.*` names structures use in `x-prefill`. */
function profile(user: User): Record<string, string | null> {
  const names = user.displayName.trim().split(/\s+/);
  return {
    displayName: user.displayName,
    fullName: user.displayName,
    // "Jonas Jonaitis", "Ieva Bērziņa": the family name is the last word.
    givenName: names.length > 1 ? names.slice(0, -1).join(' ') : null,
    familyName: names.length > 1 ? names.at(-1)! : null,
    personalCode: user.personalCode,
    email: user.email,
  };
}

/** Values for the form's prefilled fields (data key -> source) from the user's profile; fields with nothing known are left out. */
export function prefillFromProfile(fields: Record<string, string>, user: User): Record<string, Prefilled> {
  const known = profile(user);
  const prefill: Record<string, Prefilled> = {};
  for (const [key, source] of Object.entries(fields)) {
    const [origin, name] = source.split('.', 2);
    const value = origin === 'profile' && name !== undefined && Object.hasOwn(known, name) ? known[name] : null;
    if (value) prefill[key] = { value, source };
  }
  return prefill;
}
