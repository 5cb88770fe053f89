/** Reading and deleting values by data path segments. */
export type DataPath = ReadonlyArray<string | number>;

export function getAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function deleteAt(data: unknown, path: DataPath): void {
  const parent = getAt(data, path.slice(0, -1));
  const last = path.at(-1);
  if (last === undefined || parent === null || typeof parent !== 'object' || Array.isArray(parent)) return;
  delete (parent as Record<string, unknown>)[String(last)];
}

/** A copy of JSON data (the limits check has already bounded its size and depth). */
export function cloneJson<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}
