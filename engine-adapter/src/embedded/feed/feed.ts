import type { EngineFeedListener, EngineFeedSubscription, EngineRecordBatch } from '../../contract.js';

/** Reads kept batches after a position (all kept ones after null), oldest first, at most `limit`. */
export type ReadLog = (after: string | null, limit: number) => Promise<EngineRecordBatch[]>;

/** Batches read from the store at a time while a subscriber catches up. */
const CATCH_UP_PAGE = 500;
/** Batches a slow subscriber may have waiting in memory; past that it reads them from the store instead. */
const MOST_WAITING = 10_000;
/** How long to wait before giving a batch again to a listener that threw. */
const RETRY_AFTER_MS = 1000;

/**
 * The engine's feed: every committed batch goes to each subscriber in commit order. A new
 * subscriber first reads what the store kept after its position, then takes the batches
 * published meanwhile and after; a batch seen in both is delivered once (by position).
 */
export class EngineFeed {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly readLog: ReadLog) {}

  /** A committed batch, published in commit order. */
  publish(batch: EngineRecordBatch): void {
    for (const subscriber of this.subscribers) subscriber.offer(batch);
  }

  subscribe(from: string | null, listener: EngineFeedListener): EngineFeedSubscription {
    const subscriber = new Subscriber(this.readLog, from, listener, () => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    subscriber.start();
    return subscriber;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscribers].map((s) => s.close()));
  }
}

class Subscriber implements EngineFeedSubscription {
  private waiting: EngineRecordBatch[] = [];
  /** Reading from the store until it has nothing newer; then from `waiting`. */
  private catchingUp = true;
  private last: bigint | null;
  private wake: (() => void) | undefined;
  private closed = false;
  private pumping: Promise<void> | undefined;
  private pause: NodeJS.Timeout | undefined;

  constructor(private readonly readLog: ReadLog, from: string | null, private readonly listener: EngineFeedListener, private readonly detach: () => void) {
    this.last = from === null ? null : BigInt(from);
  }

  start(): void {
    this.pumping = this.pump();
  }

  offer(batch: EngineRecordBatch): void {
    if (this.closed) return;
    this.waiting.push(batch);
    if (this.waiting.length > MOST_WAITING) {
      // Too far behind: the store has all of these; read them from there.
      this.waiting = [];
      this.catchingUp = true;
    }
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.detach();
    clearTimeout(this.pause);
    this.wake?.();
    await this.pumping;
  }

  private async pump(): Promise<void> {
    while (!this.closed) {
      if (this.catchingUp) {
        const kept = await this.readLog(this.last === null ? null : this.last.toString(), CATCH_UP_PAGE);
        if (kept.length === 0) this.catchingUp = false;
        for (const batch of kept) if (!(await this.deliver(batch))) break;
        continue;
      }
      const next = this.waiting.shift();
      if (next) await this.deliver(next);
      else await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = undefined;
    }
  }

  /** Gives the batch to the listener unless it had it; false when the listener threw (it gets it again later). */
  private async deliver(batch: EngineRecordBatch): Promise<boolean> {
    const position = BigInt(batch.position);
    if (this.closed || (this.last !== null && position <= this.last)) return true;
    try {
      await this.listener(batch);
      this.last = position;
      return true;
    } catch {
      // Read again from the store after a pause: this batch and everything after it.
      this.waiting = [];
      this.catchingUp = true;
      await new Promise<void>((resolve) => { this.pause = setTimeout(resolve, RETRY_AFTER_MS); this.wake = resolve; });
      return false;
    }
  }
}
