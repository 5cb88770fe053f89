import type { EngineFeedListener, EngineFeedSubscription, EngineRecordBatch } from '../contract.js';

/** Long poll: how long the engine may hold a request with nothing new. */
const WAIT_MS = 20_000;
const PAGE = 100;
/** After a failed read or a listener that threw: wait, then read again from the last handled position. */
const RETRY_MS = 1000;

/**
 * The engine's feed over REST: pages of `GET /v2/konstruktor/records`, Konstruktor's extension
 * that our engine service serves. A Camunda cluster has no such route (it exports its records
 * instead): then this says so once and keeps asking, so a projection waits rather than guesses.
 */
export class RestRecordFeed implements EngineFeedSubscription {
  private closed = false;
  private readonly abort = new AbortController();
  private readonly running: Promise<void>;
  private complained = false;

  constructor(
    private readonly restAddress: string,
    private readonly authHeaders: () => Promise<Record<string, string>>,
    private last: string | null,
    private readonly listener: EngineFeedListener,
  ) {
    this.running = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      const batches = await this.read();
      if (!batches) {
        await this.pause();
        continue;
      }
      for (const batch of batches) {
        if (this.closed) return;
        try {
          await this.listener(batch);
          this.last = batch.position;
        } catch {
          await this.pause(); // then read again after the last batch handled
          break;
        }
      }
    }
  }

  private async read(): Promise<EngineRecordBatch[] | null> {
    const url = new URL(`${this.restAddress.replace(/\/+$/, '')}/v2/konstruktor/records`);
    if (this.last !== null) url.searchParams.set('after', this.last);
    url.searchParams.set('limit', String(PAGE));
    url.searchParams.set('waitMs', String(WAIT_MS));
    try {
      const response = await fetch(url, { headers: await this.authHeaders(), signal: this.abort.signal });
      if (!response.ok) {
        if (!this.complained) console.error(`engine feed: ${url.origin} answered ${response.status} to GET /v2/konstruktor/records${response.status === 404 ? ' (a Camunda cluster serves no record feed; run Konstruktor\'s engine service)' : ''}`);
        this.complained = true;
        return null;
      }
      this.complained = false;
      return ((await response.json()) as { batches: EngineRecordBatch[] }).batches;
    } catch {
      return null; // closed, or the engine unreachable: asked again after a pause
    }
  }

  private pause(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, RETRY_MS);
      this.abort.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
}
