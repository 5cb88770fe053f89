/** Where a saved scenario goes in the package: scenarios/<slug of its name>.yaml, never over another file. */

export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Lithuanian letters keep their base letter: š -> s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

export function scenarioPath(name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const slug = slugOf(name);
  let path = `scenarios/${slug}.yaml`;
  for (let n = 2; taken.has(path); n += 1) path = `scenarios/${slug}-${n}.yaml`;
  return path;
}
