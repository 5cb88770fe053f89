import { hash, verify } from '@node-rs/argon2';

/** argon2id, the library's default (19 MiB, 2 passes: OWASP's minimum profile). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
