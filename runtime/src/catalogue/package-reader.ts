import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { Type } from '@sinclair/typebox';
import { Dictionary } from '../common/schemas.js';
import { compileValidator } from '../http/validation.js';
import { problems, type FieldError } from '../http/problem.js';
import { ServiceCard } from './service-card.js';
import type { PackageFile } from './service-version.entity.js';

/** Limits of one service package. */
export const PACKAGE_LIMITS = { files: 500, bytes: 5 * 1024 * 1024, pathLength: 200 };

export interface ServicePackage {
  card: ServiceCard;
  files: Record<string, PackageFile>;
  checksum: string;
}

/** A package's files as a client sends them: path -> text, or `{ base64 }` for binary content. */
export const PackageFiles = Dictionary(Type.Union([
  Type.String(),
  Type.Object({ base64: Type.String({ contentEncoding: 'base64' }) }, { additionalProperties: false }),
]), { maxKeyLength: PACKAGE_LIMITS.pathLength, maxProperties: PACKAGE_LIMITS.files });

/** What a client sends: the files themselves, or the package folder zipped (base64). */
export type PackageUpload =
  | { files: Record<string, string | { base64: string }> }
  | { zip: string };

const validateCard = compileValidator(ServiceCard, 'body');
const SAFE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const TEXT_FILE = /\.(ya?ml|bpmn|dmn|form|json|md|txt|html|xml|svg)$/i;

const fail = (path: string, message: string): never => {
  throw problems.unprocessable(`The service package is not valid: ${path} ${message}`, [{ in: 'body', path, message }]);
};

/**
 * Reads and checks a service package (../shared/spec/service-package.md): safe relative paths,
 * size limits, a valid service.yaml, and every file it refers to present and well-formed.
 */
export function readServicePackage(upload: PackageUpload): ServicePackage {
  const raw = 'zip' in upload ? unzipUpload(upload.zip) : decodeFiles(upload.files);
  const paths = Object.keys(raw);
  if (paths.length > PACKAGE_LIMITS.files) fail('/files', `has ${paths.length} files; at most ${PACKAGE_LIMITS.files} are allowed`);
  let total = 0;
  const files: Record<string, PackageFile> = {};
  for (const path of paths.sort()) {
    if (path.length > PACKAGE_LIMITS.pathLength || !SAFE_PATH.test(path)) fail(`/files/${path}`, 'is not a safe relative path (letters, digits, . _ - and / only; no .. segments)');
    const bytes = raw[path]!;
    total += bytes.length;
    if (total > PACKAGE_LIMITS.bytes) fail('/files', `are larger than ${PACKAGE_LIMITS.bytes} bytes in total`);
    files[path] = TEXT_FILE.test(path)
      ? { encoding: 'utf8', content: decodeUtf8(path, bytes) }
      : { encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
  }
  const card = readCard(files['service.yaml']);
  for (const [field, path] of [['process.file', card.process?.file], ['startForm', card.startForm], ['dataStructure', card.dataStructure]] as const) {
    if (path !== undefined && !files[path]) fail(`/files/service.yaml/${field.replace('.', '/')}`, `refers to "${path}", which is not in the package`);
  }
  for (const [path, file] of Object.entries(files)) {
    if (/\.(form|json)$/.test(path)) {
      try {
        JSON.parse(file.content);
      } catch (error) {
        fail(`/files/${path}`, `is not valid JSON (${(error as Error).message})`);
      }
    }
  }
  const checksum = createHash('sha256');
  for (const [path, file] of Object.entries(files)) checksum.update(`${path}\0${file.encoding}\0${file.content}\0`);
  return { card, files, checksum: checksum.digest('hex') };
}

function decodeFiles(files: Record<string, string | { base64: string }>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [
    path, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.base64, 'base64'),
  ]));
}

function unzipUpload(base64: string): Record<string, Uint8Array> {
  let declared = 0;
  let count = 0;
  try {
    const entries = unzipSync(Buffer.from(base64, 'base64'), {
      // Refuse zip bombs by the sizes the archive declares, before inflating anything.
      filter: (file) => {
        declared += file.originalSize;
        count += 1;
        if (declared > PACKAGE_LIMITS.bytes || count > PACKAGE_LIMITS.files) throw new RangeError('too large');
        return !file.name.endsWith('/');
      },
    });
    // A package zipped with its folder has every path under one top folder: strip it.
    const names = Object.keys(entries);
    const top = names[0]?.split('/')[0];
    const nested = top !== undefined && !names.includes('service.yaml') && names.every((name) => name.startsWith(`${top}/`));
    return Object.fromEntries(names.map((name) => [nested ? name.slice(top.length + 1) : name, entries[name]!]));
  } catch (error) {
    if (error instanceof RangeError) return fail('/zip', `unpacks to more than ${PACKAGE_LIMITS.bytes} bytes or ${PACKAGE_LIMITS.files} files`);
    return fail('/zip', 'is not a readable zip archive');
  }
}

function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`/files/${path}`, 'is not valid UTF-8 text');
  }
}

function readCard(file: PackageFile | undefined): ServiceCard {
  if (!file) return fail('/files/service.yaml', 'is missing: every package needs its catalogue card');
  const document = parseDocument(file.content, { prettyErrors: false });
  if (document.errors.length) {
    const [first] = document.errors;
    fail('/files/service.yaml', `is not valid YAML: ${first!.message.split('\n')[0]}${first!.linePos ? ` (line ${first!.linePos[0].line})` : ''}`);
  }
  let card: unknown;
  try {
    card = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // e.g. aliases nested to expand exponentially ("billion laughs")
    fail('/files/service.yaml', `cannot be read: ${(error as Error).message}`);
  }
  const errors: FieldError[] = validateCard(card).map((e) => ({ ...e, path: `/files/service.yaml${e.path}` }));
  if (errors.length) throw problems.unprocessable(`service.yaml is not a valid catalogue card: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
  return card as ServiceCard;
}
