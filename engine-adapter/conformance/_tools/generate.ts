/**
 * Dev-only: writes the conformance BPMN files from ./models.
 *   npx tsx engine-adapter/conformance/_tools/generate.ts [topic...]
 * The committed .bpmn files are its output (plain XML); scenarios only ever read those.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toBpmn, type Model } from './bpmn.js';
import { models as boundaryEvents } from './models/boundary-events.js';
import { models as callActivities } from './models/call-activities.js';
import { models as cancel } from './models/cancel.js';
import { models as deploy } from './models/deploy.js';
import { models as endEvents } from './models/end-events.js';
import { models as gateways } from './models/gateways.js';
import { models as intermediateEvents } from './models/intermediate-events.js';
import { models as jobs } from './models/jobs.js';
import { models as messages } from './models/messages.js';
import { models as multiInstance } from './models/multi-instance.js';
import { models as rejected } from './models/rejected.js';
import { models as startEvents } from './models/start-events.js';
import { models as subprocesses } from './models/subprocesses.js';
import { models as tasks } from './models/tasks.js';
import { models as timers } from './models/timers.js';
import { models as variables } from './models/variables.js';

const all: Record<string, Record<string, Model>> = {
  'boundary-events': boundaryEvents,
  'call-activities': callActivities,
  cancel,
  deploy,
  'end-events': endEvents,
  gateways,
  'intermediate-events': intermediateEvents,
  jobs,
  messages,
  'multi-instance': multiInstance,
  rejected,
  'start-events': startEvents,
  subprocesses,
  tasks,
  timers,
  variables,
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
let written = 0;
for (const [topic, models] of Object.entries(all)) {
  if (only.length && !only.includes(topic)) continue;
  for (const [file, model] of Object.entries(models)) {
    const path = join(root, topic, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, toBpmn(model));
    written++;
  }
}
process.stdout.write(`${written} BPMN files written\n`);
