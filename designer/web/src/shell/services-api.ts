import { api, ok, type Answer } from '../model/api.js';
import type { DraftPackage, Locale, VersionState } from '../model/types.js';

/** The runtime calls the shell makes (designer/README.md "Runtime API the designer uses"). */

export type Me = Answer<'get', '/api/me'>;
export type ServiceSummary = Answer<'get', '/api/designer/services'>['items'][number];
export type VersionSummary = ServiceSummary['versions'][number];

const at = (code: string, version: string) => ({ params: { path: { code, version } } });

export const shellApi = {
  me: () => ok(api.GET('/api/me')),
  login: (username: string, password: string) => ok(api.POST('/api/session', { body: { username, password } })),
  logout: () => api.DELETE('/api/session'),
  services: () => ok(api.GET('/api/designer/services')),
  /** The title is in the language the analyst works in. */
  create: (code: string, title: string, locale: Locale) => ok(api.POST('/api/designer/services', { body: { code, title: { [locale]: title } } })),
  copy: (code: string, version: string, to: string) => ok(api.POST('/api/designer/services/{code}/versions/{version}/copy', { ...at(code, version), body: { version: to } })),
  importZip: (zip: string) => ok(api.POST('/api/service-packages', { body: { zip } })),
  exportUrl: (code: string, version: string) => `/api/designer/services/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}/package.zip`,
  async load(code: string, version: string): Promise<DraftPackage> {
    const found = await ok(api.GET('/api/services/{code}/versions/{version}', at(code, version)));
    return { code, version: found.version, state: found.state, files: found.files };
  },
  /** Replaces the version's files: text as it is, binary files as {base64}. */
  save: (pkg: DraftPackage) => ok(api.PUT('/api/designer/services/{code}/versions/{version}/files', {
    ...at(pkg.code, pkg.version),
    body: { files: Object.fromEntries(Object.entries(pkg.files).map(([path, f]) => [path, f.encoding === 'utf8' ? f.content : { base64: f.content }])) },
  })),
};

/** The next minor version (1.2.3 -> 1.3.0), offered when copying. */
export function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : `${version}-copy`;
}

export function readOnlyState(state: VersionState): boolean {
  return state === 'published' || state === 'retired';
}

/** A File as base64 (for the import's {zip}). */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
