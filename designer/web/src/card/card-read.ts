/** The few card fields other tabs need (which form starts the service, which structure it fills). */
import { parse } from 'yaml';

export interface CardRefs {
  startForm?: string;
  dataStructure?: string;
}

/** startForm and dataStructure of service.yaml's text; none when it is absent or unreadable. */
export function cardRefs(yamlText: string): CardRefs {
  try {
    const card: unknown = parse(yamlText);
    if (!card || typeof card !== 'object') return {};
    const { startForm, dataStructure } = card as Record<string, unknown>;
    return {
      ...(typeof startForm === 'string' ? { startForm } : {}),
      ...(typeof dataStructure === 'string' ? { dataStructure } : {}),
    };
  } catch {
    return {};
  }
}
