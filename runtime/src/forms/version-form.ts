/** A JSON Schema (2020-12) data structure or a form-js form schema, as read from the package. */
export type JsonObject = Record<string, unknown>;

/** The start form of one service version and the data structure behind it, as its package declares them. */
export interface VersionForm {
  versionId: string;
  /** Changes whenever the package does: the ETag of everything derived from it. */
  checksum: string;
  structure: JsonObject | undefined;
  form: JsonObject | undefined;
}
