/** The runtime calls of the publish tab. */
import { api } from '../model/api.js';
import type { Problem } from '../model/types.js';
import type { VersionSummary } from '../shell/services-api.js';

export interface ScenarioOutcome { file: string; name: string; passed: boolean; message?: string }
export interface PackageCheck { ok: boolean; problems: Problem[]; scenarios: ScenarioOutcome[] }

const at = (code: string, version: string) => `${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}`;

export const checkPackage = (code: string, version: string) =>
  api<PackageCheck>('POST', `/api/designer/services/${at(code, version)}/check`);

export const serviceVersions = (code: string) =>
  api<{ versions?: VersionSummary[] }>('GET', `/api/services/${encodeURIComponent(code)}`).then((s) => s.versions ?? []);

export const publishVersion = (code: string, version: string) =>
  api<VersionSummary>('POST', `/api/services/${at(code, version)}/publish`);
