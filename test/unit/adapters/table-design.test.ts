import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_KEY_PREFIX, ENTITIES, INDEXES, keys } from '#adapters/table-design';
import { ENTITY_DOCS, renderKeyDesign } from '#adapters/table-design-doc';

const STORAGE = new URL('../../../lib/constructs/storage.ts', import.meta.url);

/** The render as the storage construct's block comment holds it. */
const asComment = (text: string) => text.split('\n').map((l) => (l ? ` *   ${l}` : ' *')).join('\n');

describe('the key design', () => {
  it('in lib/constructs/storage.ts is the render of the entity definitions', () => {
    const source = readFileSync(STORAGE, 'utf8');
    const held = /^ \* {3}BEGIN KEY DESIGN\n([\s\S]*?)\n \* {3}END KEY DESIGN$/m.exec(source)?.[1];
    const fresh = asComment(renderKeyDesign());
    if (held !== fresh) process.stderr.write(`\nThe key design in lib/constructs/storage.ts is stale. Paste this between its markers:\n\n${fresh}\n\n`);
    expect(held).toBe(fresh);
  });

  it('names every item kind, the ones the comment once missed included', () => {
    const render = renderKeyDesign();
    expect(Object.keys(ENTITY_DOCS)).toEqual(Object.keys(ENTITIES));
    for (const e of Object.values(ENTITY_DOCS)) expect(render).toContain(e.item);
    for (const item of ['applicant case count', 'notification lock', 'notification run', 'recipient', 'contact code', 'confirmation', 'mail day', 'audit entry']) {
      expect(render).toContain(item);
    }
  });

  it('derives the indexes from the entities that use them', () => {
    expect(Object.keys(INDEXES).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
    expect(INDEXES.gsi1.projection).toBeUndefined();
    expect(INDEXES.gsi2.projection).toEqual(INDEXES.gsi3.projection);
  });

  it('builds keys from the templates, with shards and padded seqs', () => {
    expect(keys.case('01J0000000000000000000000A')).toEqual({ pk: 'CASE#01J0000000000000000000000A', sk: 'CASE' });
    expect(keys.auditEntry('2024', 42)).toEqual({ pk: 'AUDIT#2024', sk: '0000000042' });
    expect(AUDIT_KEY_PREFIX).toBe('AUDIT#');
    expect(keys.caseByEdition('2024', 'x').gsi2pk).toMatch(/^EDITION#2024#(\d|1[0-5])$/);
    expect(keys.caseIdOfEditionSortKey(keys.caseByEdition('2024', 'abc').gsi2sk)).toBe('abc');
    expect(keys.caseIdOfPartition(keys.casePartition('abc'))).toBe('abc');
    expect(keys.caseIdOfPartition('EDITION#abc')).toBeUndefined();
  });
});
