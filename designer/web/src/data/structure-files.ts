/** Which package files are data structures, the card's own first. */
import { cardRefs } from '../card/card-read.js';
import type { DraftPackage } from '../model/types.js';
import { fileText } from '../model/types.js';

export function structureFiles(pkg: DraftPackage): string[] {
  const { dataStructure } = cardRefs(fileText(pkg, 'service.yaml'));
  const others = Object.keys(pkg.files).filter((path) => /^data\/.+\.schema\.json$/.test(path) && path !== dataStructure).sort();
  return dataStructure ? [dataStructure, ...others] : others;
}

export type ParsedStructure = { ok: true; schema: Record<string, unknown> } | { ok: false; error: string; notObject?: true };

/** A structure file's JSON; an absent or empty file is an empty object structure. */
export function parseStructure(text: string): ParsedStructure {
  if (text.trim() === '') return { ok: true, schema: { type: 'object', properties: {} } };
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not an object', notObject: true };
    return { ok: true, schema: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
