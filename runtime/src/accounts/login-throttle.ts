import type { DataSource } from 'typeorm';

/** How many failures a scope forgives before each further attempt must wait, and the longest wait. */
export interface ThrottlePolicy {
  /** Failures (within the window) that cost nothing. */
  free: number;
  /** The wait after the last failure never grows beyond this. */
  maxDelaySeconds: number;
}

export interface LoginThrottleSettings {
  /** Failures of one account from anywhere: a guessed password. */
  account: ThrottlePolicy;
  /**
   * Failures from one address on any account: an office behind one NAT shares it, so it gets
   * more free failures and a shorter wait, never a lock.
   */
  address: ThrottlePolicy;
  /** A count with no failure for this long starts again from zero. */
  windowSeconds: number;
}

type Scope = 'account' | 'address';

/**
 * Slows password guessing without locking anyone out: after a scope's free failures, each
 * further attempt must wait 1 s after the last failure, then 2 s, 4 s … up to the policy's
 * longest wait. Only real failed credentials count (a malformed request never reaches here);
 * a successful login clears its account's count, not the address's (else one valid account
 * would reset an attacker's address). Counts live in PostgreSQL, shared by every replica.
 */
export class LoginThrottle {
  constructor(private readonly db: DataSource, private readonly settings: LoginThrottleSettings, private readonly now: () => number = Date.now) {}

  /** Seconds the caller must wait before trying this account from this address; 0 when he may try now. */
  async wait(username: string, address: string): Promise<number> {
    const rows = await this.db.query(
      `SELECT scope, failures, last_failure_at FROM login_throttle
        WHERE (scope = 'account' AND key = $1) OR (scope = 'address' AND key = $2)`,
      [accountKey(username), address],
    ) as { scope: Scope; failures: number; last_failure_at: Date }[];
    let wait = 0;
    for (const row of rows) {
      const since = (this.now() - new Date(row.last_failure_at).getTime()) / 1000;
      if (since >= this.settings.windowSeconds) continue;
      wait = Math.max(wait, Math.ceil(delaySeconds(row.failures, this.settings[row.scope]) - since));
    }
    return Math.max(wait, 0);
  }

  /** Counts a failed login against the account and the address. */
  async failed(username: string, address: string): Promise<void> {
    const at = new Date(this.now());
    const windowStart = new Date(at.getTime() - this.settings.windowSeconds * 1000);
    await this.db.query(
      `INSERT INTO login_throttle AS t (scope, key, failures, last_failure_at)
         VALUES ('account', $1, 1, $3), ('address', $2, 1, $3)
       ON CONFLICT (scope, key) DO UPDATE
         SET failures = CASE WHEN t.last_failure_at <= $4 THEN 1 ELSE t.failures + 1 END,
             last_failure_at = EXCLUDED.last_failure_at`,
      [accountKey(username), address, at, windowStart],
    );
  }

  /** A successful login clears its account's count. */
  async succeeded(username: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE scope = 'account' AND key = $1`, [accountKey(username)]);
  }

  /** Forgets counts older than the window. */
  async purgeExpired(): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE last_failure_at <= $1', [new Date(this.now() - this.settings.windowSeconds * 1000)]);
  }
}

const accountKey = (username: string) => username.trim().toLowerCase();

/** The wait after the last of `failures` failures: none while free, then 1 s, 2 s, 4 s … up to the longest. */
function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.free;
  if (over <= 0) return 0;
  return Math.min(2 ** Math.min(over - 1, 30), policy.maxDelaySeconds);
}
