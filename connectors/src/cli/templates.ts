/** `npm run connectors -- templates <dir> [--locale lt]`: one element template file per built-in connector. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtinConnectors } from '../builtins.js';
import { elementTemplate, type Locale } from '../sdk/element-template.js';

export async function main(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { locale: { type: 'string', default: 'en' } } });
  const [dir] = positionals;
  if (!dir) throw new Error('usage: npm run connectors -- templates <dir> [--locale en|lt|lv]');
  const locale = values.locale as Locale;
  if (!['en', 'lt', 'lv'].includes(locale)) throw new Error(`--locale: expected en, lt or lv, got ${locale}`);
  await mkdir(dir, { recursive: true });
  for (const definition of builtinConnectors) {
    const file = path.join(dir, `${definition.id.replaceAll(':', '-')}.json`);
    await writeFile(file, `${JSON.stringify(elementTemplate(definition, { locale }), null, 2)}\n`);
    console.log(file);
  }
  console.log(`${builtinConnectors.length} element templates written to ${dir}`);
}
