import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { EngineAdapter, EngineFeedSubscription, EngineRecord, EngineRecordBatch } from '@konstruktor/engine-adapter';

/** One view kept from the engine's records, inside the transaction that also moves the position. */
export interface Projector {
  apply(manager: EntityManager, records: EngineRecord[]): Promise<void>;
}

/**
 * Keeps the runtime's views of what the engine did (the officials' inbox, the applications'
 * status and timeline) from the engine's feed. Each batch is applied in one transaction that
 * also records its position, so after a restart the projection resumes exactly after the last
 * batch it applied: nothing missed, nothing applied twice. Replicas may all run it: the row
 * lock on the position lets one apply a batch and the others skip it.
 */
export class EngineProjection {
  private subscription: EngineFeedSubscription | undefined;

  constructor(
    private readonly name: string,
    private readonly engine: EngineAdapter,
    private readonly db: DataSource,
    private readonly projectors: Projector[],
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.db.query('INSERT INTO projection_position (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [this.name]);
    const [row] = (await this.db.query('SELECT position::text AS position FROM projection_position WHERE name = $1', [this.name])) as { position: string }[];
    this.subscription = this.engine.subscribe(row!.position === '0' ? null : row!.position, (batch) => this.apply(batch));
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  private async apply(batch: EngineRecordBatch): Promise<void> {
    try {
      await this.db.transaction(async (manager) => {
        const [row] = (await manager.query('SELECT position::text AS position FROM projection_position WHERE name = $1 FOR UPDATE', [this.name])) as { position: string }[];
        if (BigInt(row!.position) >= BigInt(batch.position)) return; // applied already, here or by another replica
        for (const projector of this.projectors) await projector.apply(manager, batch.records);
        await manager.query('UPDATE projection_position SET position = $2 WHERE name = $1', [this.name, batch.position]);
      });
    } catch (err) {
      this.logger.error({ err, projection: this.name, position: batch.position }, 'projection: a batch of engine records could not be applied; trying again');
      throw err; // the feed gives the batch again
    }
  }
}
