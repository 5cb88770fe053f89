/** The runtime calls of the publish tab. */
import { api, ok, type Answer } from '../model/api.js';

export type PackageCheck = Answer<'post', '/api/designer/services/{code}/versions/{version}/check'>;

const at = (code: string, version: string) => ({ params: { path: { code, version } } });

export const checkPackage = (code: string, version: string) =>
  ok(api.POST('/api/designer/services/{code}/versions/{version}/check', at(code, version)));

export const serviceVersions = (code: string) =>
  ok(api.GET('/api/services/{code}', { params: { path: { code } } })).then((s) => s.versions ?? []);

export const publishVersion = (code: string, version: string) =>
  ok(api.POST('/api/services/{code}/versions/{version}/publish', at(code, version)));
