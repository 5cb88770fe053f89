/**
 * An element's name in each language. BPMN gives an element one name; a Konstruktor process
 * adds the others as zeebe:properties `name:lt`, `name:lv`, `name:en` (the modeler edits them
 * like any property), so an official reads a step's name in his language.
 */
import { LOCALES } from '@konstruktor/forms';
import type { LocalizedText } from '../common/schemas.js';
import type { BpmnElement } from './bpmn-element.js';

/** The element's zeebe:properties with a value, by name. */
export function zeebeProperties(element: BpmnElement): Map<string, string> {
  const values = ((element.get('extensionElements') as BpmnElement | undefined)?.get('values') as BpmnElement[] | undefined) ?? [];
  return new Map(((values.find((v) => v.$type === 'zeebe:Properties')?.get('properties') as BpmnElement[] | undefined) ?? [])
    .map((p) => [p.get('name') as unknown, p.get('value') as unknown] as const)
    .filter((p): p is readonly [string, string] => typeof p[0] === 'string' && typeof p[1] === 'string' && p[1].trim() !== ''));
}

/** Its name in every language: `name:<lang>`, else the BPMN name, else the id; null when it has neither kind of name. */
export function localizedName(element: BpmnElement, properties = zeebeProperties(element)): LocalizedText | null {
  const named = element.name?.trim() || undefined;
  if (!named && !LOCALES.some((l) => properties.has(`name:${l}`))) return null;
  return Object.fromEntries(LOCALES.map((l) => [l, properties.get(`name:${l}`)?.trim() ?? named ?? element.id!])) as LocalizedText;
}
