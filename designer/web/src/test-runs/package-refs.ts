/** What the test tab needs from the card (service.yaml): the process file and the start form. */
import { parse } from 'yaml';
import { fileText, type DraftPackage } from '../model/types.js';

export interface PackageRefs { processFile: string; startForm?: string }

export function packageRefs(pkg: DraftPackage): PackageRefs {
  let card: { process?: { file?: unknown }; startForm?: unknown } = {};
  try {
    card = (parse(fileText(pkg, 'service.yaml')) as typeof card) ?? {};
  } catch {
    // A card being typed may not parse; the card tab reports that, here the defaults do.
  }
  const processFile = typeof card.process?.file === 'string' ? card.process.file : 'process.bpmn';
  return { processFile, ...(typeof card.startForm === 'string' && pkg.files[card.startForm] ? { startForm: card.startForm } : {}) };
}

/** Variables typed as JSON: an object, or why not. */
export function parseVariables(text: string): { variables: Record<string, unknown> } | { error: string } {
  if (!text.trim()) return { variables: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { variables: value as Record<string, unknown> };
    return { error: 'not an object' };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
