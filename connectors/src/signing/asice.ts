/**
 * ASiC-E containers (ETSI EN 319 162-1): a zip whose first entry is the stored `mimetype`,
 * the data files, META-INF/manifest.xml (OpenDocument manifest) and META-INF/signatures0.xml
 * with a XAdES signature over every data file.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { signXades, type DetachedFile, type XadesOptions } from './xades.js';

export const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';
const MANIFEST_NS = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';

export interface ContainerFile extends DetachedFile {
  mediaType?: string;
}

export async function createAsice(files: ContainerFile[], options: XadesOptions): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const [index, file] of files.entries()) {
    if (!file.name || file.name.startsWith('/') || file.name.split('/').includes('..') || /^(mimetype$|META-INF\/)/i.test(file.name)) {
      throw new Error(`files[${index}].name: ${JSON.stringify(file.name)} is not a valid name for a data file in the container`);
    }
    if (names.has(file.name)) throw new Error(`files[${index}].name: ${file.name} appears twice`);
    names.add(file.name);
  }
  const signatures = await signXades(files, options);
  const entries: Zippable = { mimetype: [new TextEncoder().encode(ASICE_MIMETYPE), { level: 0 }] };
  for (const file of files) entries[file.name] = [file.content, { level: 6 }];
  entries['META-INF/manifest.xml'] = [new TextEncoder().encode(manifest(files)), { level: 6 }];
  entries['META-INF/signatures0.xml'] = [new TextEncoder().encode(signatures), { level: 6 }];
  return zipSync(entries);
}

function manifest(files: ContainerFile[]): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const entry = (path: string, type: string) => `  <manifest:file-entry manifest:full-path="${escape(path)}" manifest:media-type="${escape(type)}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<manifest:manifest xmlns:manifest="${MANIFEST_NS}" manifest:version="1.2">`,
    entry('/', ASICE_MIMETYPE),
    ...files.map((file) => entry(file.name, file.mediaType ?? 'application/octet-stream')),
    '</manifest:manifest>',
    '',
  ].join('\n');
}

export interface OpenedContainer {
  mimetype: string;
  /** Whether `mimetype` is the first entry and stored uncompressed, as the standard requires. */
  mimetypeFirstAndStored: boolean;
  dataFiles: DetachedFile[];
  signatures: { name: string; xml: string }[];
  manifest?: string;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function openAsice(bytes: Uint8Array): OpenedContainer {
  if (!isZip(bytes)) throw new Error('not a zip container');
  const entries = unzipSync(bytes);
  // Local header of the first entry: name at 30, compression method at 8.
  const firstName = Buffer.from(bytes.subarray(30, 30 + (bytes[26]! | (bytes[27]! << 8)))).toString('utf8');
  const method = bytes[8]! | (bytes[9]! << 8);
  const text = (name: string) => (entries[name] ? new TextDecoder().decode(entries[name]) : undefined);
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  return {
    mimetype: text('mimetype') ?? '',
    mimetypeFirstAndStored: firstName === 'mimetype' && method === 0,
    dataFiles: names.filter((name) => name !== 'mimetype' && !name.startsWith('META-INF/')).map((name) => ({ name, content: entries[name]! })),
    signatures: names.filter((name) => /^META-INF\/.*signatures.*\.xml$/i.test(name)).map((name) => ({ name, xml: text(name)! })),
    manifest: text('META-INF/manifest.xml'),
  };
}
