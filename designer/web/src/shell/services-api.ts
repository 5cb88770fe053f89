import { api } from '../model/api.js';
import type { DraftPackage, Locale, PackageFiles, VersionState } from '../model/types.js';

/** The runtime calls the shell makes (designer/README.md "Runtime API the designer uses"). */

export interface Me {
  user: { username: string; displayName: string; roles: string[]; agency: { code: string; name: unknown } | null };
  csrfToken: string;
}

export interface VersionSummary {
  version: string; state: VersionState; checksum: string; createdAt: string; publishedAt: string | null; retiredAt: string | null;
}

export interface ServiceSummary {
  code: string; title: unknown; provider: unknown; versions: VersionSummary[];
}

const v = (code: string, version: string) => `/api/designer/services/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}`;

export const shellApi = {
  me: () => api<Me>('GET', '/api/me'),
  login: (username: string, password: string) => api<Me>('POST', '/api/session', { username, password }),
  logout: () => api<void>('DELETE', '/api/session'),
  services: () => api<{ items: ServiceSummary[] }>('GET', '/api/designer/services'),
  /** The title is in the language the analyst works in. */
  create: (code: string, title: string, locale: Locale) => api<{ code: string; version: string; state: VersionState }>('POST', '/api/designer/services', { code, title: { [locale]: title } }),
  copy: (code: string, version: string, to: string) => api<{ code: string; version: string }>('POST', `${v(code, version)}/copy`, { version: to }),
  importZip: (zip: string) => api<{ code: string; version: string }>('POST', '/api/service-packages', { zip }),
  exportUrl: (code: string, version: string) => `${v(code, version)}/package.zip`,
  async load(code: string, version: string): Promise<DraftPackage> {
    const found = await api<{ version: string; state: VersionState; files: PackageFiles }>('GET', `/api/services/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}`);
    return { code, version: found.version, state: found.state, files: found.files };
  },
  /** Replaces the version's files: text as it is, binary files as {base64}. */
  save: (pkg: DraftPackage) => api<unknown>('PUT', `${v(pkg.code, pkg.version)}/files`, {
    files: Object.fromEntries(Object.entries(pkg.files).map(([path, f]) => [path, f.encoding === 'utf8' ? f.content : { base64: f.content }])),
  }),
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
