import { parse } from 'yaml';
import { fileText, type DraftPackage } from '../model/types.js';

export const DEFAULT_PROCESS_FILE = 'process.bpmn';

/** The package path of the main process: the card's process.file, else process.bpmn. */
export function processFile(pkg: DraftPackage): string {
  try {
    const card = parse(fileText(pkg, 'service.yaml')) as { process?: { file?: unknown } } | null;
    const file = card?.process?.file;
    return typeof file === 'string' && file.endsWith('.bpmn') ? file : DEFAULT_PROCESS_FILE;
  } catch {
    // A card being edited may not parse for a moment; the process stays where it was by default.
    return DEFAULT_PROCESS_FILE;
  }
}
