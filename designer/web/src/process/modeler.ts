import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import LintingModule from '@camunda/linting/modeler';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { Locale } from '../model/types.js';
import { languageModule, type ModelerLanguage } from './modeler-translations.js';
import { readOnlyModule, type ReadOnly } from './read-only.js';
import './process.css';

/** An element template as GET /api/connectors/templates gives it (Camunda element templates schema). */
export interface ElementTemplate {
  id: string;
  name: string;
  version?: number;
  description?: string;
  category?: { id: string; name: string };
  appliesTo?: string[];
}

/**
 * The Zeebe-dialect modeler: bpmn-js with the properties panel for Camunda 8, Camunda's
 * modeling behaviors, the connectors' element templates and the lint overlays. It is made
 * editable; the tab makes it view-only with `service(m, 'readOnly').set(...)` (read-only.ts), and
 * switches the language with `service(m, 'language').set(...)`.
 */
export function createModeler({ locale, templates }: { locale: Locale; templates: ElementTemplate[] }): Modeler {
  // Made detached: the tab attaches it (attachModeler), so one can be made before the tab opens.
  const modeler = new Modeler({
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      ZeebeBehaviorsModule,
      LintingModule,
      readOnlyModule,
      languageModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
    elementTemplates: templates,
    linting: { active: true },
  } as ConstructorParameters<typeof Modeler>[0]);
  service(modeler, 'language').set(locale);
  return modeler;
}

/** Puts a detached modeler's canvas and properties panel into the tab's boxes. */
export function attachModeler(modeler: Modeler, container: HTMLElement, properties: HTMLElement): void {
  modeler.attachTo(container);
  service(modeler, 'propertiesPanel').attachTo(properties);
}

/** The diagram's typed services this tab calls. */
export interface ModelerServices {
  canvas: { zoom(level: 'fit-viewport' | number): void; resized(): void; scrollToElement(element: unknown): void; getRootElement(): unknown };
  elementRegistry: { get(id: string): { id: string; type: string } | undefined };
  selection: { select(element: unknown): void };
  elementTemplates: { getLatest(element: unknown): ElementTemplate[]; applyTemplate(element: unknown, template: ElementTemplate): unknown; set(templates: ElementTemplate[]): void };
  language: ModelerLanguage;
  linting: { setErrors(reports: unknown[]): void; showError(report: unknown): void };
  readOnly: ReadOnly;
  propertiesPanel: { attachTo(parent: HTMLElement): void };
}

export function service<K extends keyof ModelerServices>(modeler: Modeler, name: K): ModelerServices[K] {
  return modeler.get(name) as ModelerServices[K];
}
