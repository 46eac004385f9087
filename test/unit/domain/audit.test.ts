import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, chainedEntry, chainValid, ChainVerifier, GENESIS_HASH, type AuditEntry, type AuditRecord } from '#domain/edition';
import { AUDIT_ACTIONS } from '#domain/vocabulary';

const record = (i: number): AuditRecord => ({
  editionId: '2024',
  at: `2024-06-0${i}T08:00:00.000Z`,
  action: AUDIT_ACTIONS[i % AUDIT_ACTIONS.length]!,
  by: 'olga',
  subject: `subject-${i}`,
  details: { reason: `reason ${i}` },
});

/** A chain of n entries, built the way the adapter appends them. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(chainedEntry(record(i), out.at(-1)));
  return out;
}

describe('the audit hash chain', () => {
  it('numbers entries from 1, links each to the previous hash, and hashes the canonical JSON of the entry without its hash', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    // Recomputed independently: keys sorted, no white space, hash left out.
    const { hash, ...rest } = second!;
    const canonical = JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(auditHash(second!)).toBe(hash);
  });

  it('holds for an intact chain, and for none at all', () => {
    expect(chainValid(chain(5))).toBe(true);
    expect(chainValid([])).toBe(true);
  });

  it('detects an edited entry (a detail changed, or an attribute added), even when the first or the last one', () => {
    for (const at of [0, 2, 4]) {
      const edited = chain(5);
      edited[at] = { ...edited[at]!, details: { reason: 'something else' } };
      expect(chainValid(edited), `entry ${at + 1}`).toBe(false);
    }
    const added = chain(3);
    added[1] = { ...added[1]!, note: 'slipped in' } as AuditEntry;
    expect(chainValid(added)).toBe(false);
  });

  it('detects an edit whose hash was recomputed: the next entry no longer links to it', () => {
    const entries = chain(4);
    const { hash: _h, ...rest } = { ...entries[1]!, by: 'mallory' };
    entries[1] = { ...rest, hash: auditHash(rest) };
    expect(chainValid(entries)).toBe(false);
  });

  it('detects a removed entry (a gap in the seqs), the first one removed, and a seq renumbered to hide the gap', () => {
    const gap = chain(5);
    gap.splice(2, 1);
    expect(chainValid(gap)).toBe(false);
    expect(chainValid(chain(3).slice(1))).toBe(false);
    const renumbered = chain(4);
    renumbered.splice(1, 1);
    renumbered[1] = { ...renumbered[1]!, seq: 2 };
    expect(chainValid(renumbered)).toBe(false);
  });

  it('detects re-ordered entries, whether swapped in place or with their seqs swapped too', () => {
    const swapped = chain(4);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(chainValid(swapped)).toBe(false);
    const reseq = chain(4);
    const [b, c] = [reseq[1]!, reseq[2]!];
    reseq[1] = { ...c, seq: 2 };
    reseq[2] = { ...b, seq: 3 };
    expect(chainValid(reseq)).toBe(false);
  });

  it('verifies page by page as the chain is read', () => {
    const entries = chain(6);
    const v = new ChainVerifier();
    for (const e of entries.slice(0, 3)) v.add(e);
    expect(v.valid).toBe(true);
    v.add(entries[4]!); // entry 4 missing from the next page
    expect(v.valid).toBe(false);
  });
});
