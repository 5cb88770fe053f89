/** `npm run templates`: element templates of this package's connectors, for the designer and Camunda Modeler. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { elementTemplate } from '@konstruktor/connectors';
import { connectors } from '../src/index.js';

const dir = process.argv[2] ?? 'element-templates';
await mkdir(dir, { recursive: true });
for (const connector of connectors) {
  for (const locale of ['en', 'lt', 'lv'] as const) {
    const file = path.join(dir, `${connector.id.replaceAll(':', '-')}.${locale}.json`);
    await writeFile(file, `${JSON.stringify(elementTemplate(connector, { locale }), null, 2)}\n`);
    process.stdout.write(`${file}\n`);
  }
}
