import type { Variables } from '../../contract.js';
import type { EngineState } from '../state/engine-state.js';

/**
 * Zeebe's variable scopes: every element instance is a scope inside its flow scope, up to the
 * process instance (whose key is the instance key). Reads see the innermost definition.
 */
export class VariableScopes {
  constructor(private readonly state: EngineState) {}

  /** Scope keys from `scopeKey` up to the process instance. */
  chain(scopeKey: string): string[] {
    const chain: string[] = [];
    let key: string | null = scopeKey;
    while (key) {
      chain.push(key);
      key = this.state.elements.get(key)?.flowScopeKey ?? null;
    }
    return chain;
  }

  /** Every variable visible from the scope, innermost winning. */
  visible(scopeKey: string): Variables {
    const result: Variables = {};
    for (const key of this.chain(scopeKey).reverse()) {
      for (const [name, value] of this.state.variables.scope(key) ?? []) result[name] = value;
    }
    return result;
  }

  local(scopeKey: string): Variables {
    return Object.fromEntries(this.state.variables.scope(scopeKey) ?? []);
  }

  setLocal(scopeKey: string, variables: Variables): void {
    const instanceKey = this.instanceOf(scopeKey);
    for (const [name, value] of Object.entries(variables)) this.state.variables.set(scopeKey, instanceKey, name, value);
  }

  /** Each variable goes to the nearest scope (from `scopeKey` up) that has it, else to the process instance. */
  propagate(scopeKey: string, variables: Variables): void {
    const chain = this.chain(scopeKey);
    const root = chain.at(-1)!;
    for (const [name, value] of Object.entries(variables)) {
      const owner = chain.find((key) => this.state.variables.scope(key)?.has(name)) ?? root;
      this.state.variables.set(owner, this.instanceOf(owner), name, value);
    }
  }

  drop(scopeKey: string): void {
    this.state.variables.dropScope(scopeKey);
  }

  private instanceOf(scopeKey: string): string {
    return this.state.elements.get(scopeKey)?.instanceKey ?? scopeKey;
  }
}

/** Sets `value` at a mapping target such as `a` or `a.b.c`, creating contexts on the way. */
export function assignPath(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Variables = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = node[part] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Variables) } : {};
  }
  node[parts.at(-1)!] = value;
}
