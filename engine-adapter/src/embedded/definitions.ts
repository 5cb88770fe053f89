import { EngineError } from '../contract.js';
import type { ElementModel, ProcessModel } from './model/types.js';
import type { DefinitionRecord } from './state/records.js';

/** Deployed process definitions and their compiled models. */
export class Definitions {
  private readonly models = new Map<string, ProcessModel>();
  private readonly latest = new Map<string, DefinitionRecord>();
  private readonly records = new Map<string, DefinitionRecord>();

  add(record: DefinitionRecord, model: ProcessModel): void {
    this.records.set(record.key, record);
    this.models.set(record.key, model);
    const current = this.latest.get(record.processId);
    if (!current || current.version < record.version) this.latest.set(record.processId, record);
  }

  record(key: string): DefinitionRecord {
    const record = this.records.get(key);
    if (!record) throw new Error(`unknown process definition ${key}`);
    return record;
  }

  model(key: string): ProcessModel {
    return this.models.get(key)!;
  }

  element(definitionKey: string, elementId: string): ElementModel {
    const element = this.models.get(definitionKey)?.elements.get(elementId);
    if (!element) throw new Error(`element ${elementId} not in definition ${definitionKey}`);
    return element;
  }

  latestOf(processId: string): DefinitionRecord | undefined {
    return this.latest.get(processId);
  }

  find(processId: string, version?: number): DefinitionRecord {
    if (version === undefined) {
      const latest = this.latest.get(processId);
      if (!latest) throw new EngineError(`Expected to find process definition with process ID '${processId}', but none found`, 'NOT_FOUND');
      return latest;
    }
    for (const record of this.records.values()) if (record.processId === processId && record.version === version) return record;
    throw new EngineError(`Expected to find process definition with process ID '${processId}' and version '${version}', but none found`, 'NOT_FOUND');
  }

  /** The newest version of each process. */
  allLatest(): DefinitionRecord[] {
    return [...this.latest.values()];
  }
}
