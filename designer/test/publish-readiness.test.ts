import { describe, expect, it } from 'vitest';
import { filesKey, publishBlocker } from '../web/src/publish/readiness.js';

const files = { 'service.yaml': { encoding: 'utf8' as const, content: 'code: a\n' } };

describe('publishBlocker', () => {
  const key = filesKey(files);
  const ready = { state: 'draft' as const, unsaved: false, check: { ok: true }, checkedKey: key, currentKey: key };
  it('allows publishing a saved draft whose check of these very contents is green', () => {
    expect(publishBlocker(ready)).toBeNull();
    expect(publishBlocker({ ...ready, state: 'testing' })).toBeNull();
  });
  it('names what is missing', () => {
    expect(publishBlocker({ ...ready, state: 'published' })).toBe('notDraft');
    expect(publishBlocker({ ...ready, unsaved: true })).toBe('unsaved');
    expect(publishBlocker({ ...ready, check: undefined })).toBe('unchecked');
    expect(publishBlocker({ ...ready, check: { ok: false } })).toBe('checkFailed');
    const changed = filesKey({ ...files, 'scenarios/a.yaml': { encoding: 'utf8', content: 'name: a\n' } });
    expect(publishBlocker({ ...ready, currentKey: changed })).toBe('stale');
  });
  it('keys contents, not object identity or key order', () => {
    expect(filesKey({ b: { encoding: 'utf8', content: '1' }, a: { encoding: 'utf8', content: '2' } }))
      .toBe(filesKey({ a: { encoding: 'utf8', content: '2' }, b: { encoding: 'utf8', content: '1' } }));
  });
});
