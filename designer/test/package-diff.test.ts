import { describe, expect, it } from 'vitest';
import { packageDiff } from '../web/src/publish/package-diff.js';
import type { PackageFiles } from '../web/src/model/types.js';

const text = (content: string) => ({ encoding: 'utf8' as const, content });

describe('packageDiff', () => {
  it('lists added, removed and changed files with unified hunks, leaving out unchanged ones', () => {
    const before: PackageFiles = {
      'service.yaml': text('code: a\nversion: 1.0.0\ntitle: A\n'),
      'forms/old.form': text('{}\n'),
      'documents/logo.png': { encoding: 'base64', content: 'AAAA' },
      'process.bpmn': text('<bpmn/>\n'),
    };
    const after: PackageFiles = {
      'service.yaml': text('code: a\nversion: 1.1.0\ntitle: A\n'),
      'scenarios/happy.yaml': text('name: happy\n'),
      'documents/logo.png': { encoding: 'base64', content: 'AAAB' },
      'process.bpmn': text('<bpmn/>\n'),
    };
    const diff = packageDiff(before, after);
    expect(diff.files.map((f) => [f.path, f.change, f.binary])).toEqual([
      ['documents/logo.png', 'changed', true], ['forms/old.form', 'removed', false],
      ['scenarios/happy.yaml', 'added', false], ['service.yaml', 'changed', false],
    ]);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({ added: 1, removed: 1, changed: 2 });
    const card = diff.files.find((f) => f.path === 'service.yaml')!;
    expect(card.hunks[0]!.lines).toEqual([' code: a', '-version: 1.0.0', '+version: 1.1.0', ' title: A']);
    expect([card.linesAdded, card.linesRemoved]).toEqual([1, 1]);
    expect(diff.files.find((f) => f.path === 'forms/old.form')!.linesRemoved).toBe(1);
  });

  it('counts every file as added when nothing is published yet', () => {
    expect(packageDiff({}, { 'service.yaml': text('code: a\n') }).added).toBe(1);
  });
});
