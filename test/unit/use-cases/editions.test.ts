/**
 * The edition use cases with plain fake ports: objects holding only the functions a use case calls, no AWS client
 * and no mock of one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import type { EditionInput } from '#domain/edition-input';
import { closeDueEditions } from '#use-cases/editions/close-due-editions';
import { putEdition } from '#use-cases/editions/put-edition';
import { putExtension } from '#use-cases/editions/put-extension';
import { edition2024 } from '../../support/editions.ts';

const NOW = new Date('2024-06-01T08:00:00.000Z');
const olga: Caller = { sub: 'olga', email: 'olga@example.org', groups: ['organisers'] };

const edition: EditionRecord = edition2024;
const settings: EditionInput = { name: 'Call 2024', opensAt: edition.opensAt, deadline: edition.deadline, timeZone: edition.timeZone };

describe('putting an edition', () => {
  it('replaces it at the version read, with the organiser as its author', async () => {
    const replaceEdition = vi.fn(async () => true);
    const ports = { editions: { getEdition: async () => edition, createEdition: async () => false, replaceEdition } };
    const { edition: next, created } = await putEdition(ports, { editionId: '2024', settings, caller: olga, ifMatch: 3, now: NOW });
    expect(created).toBe(false);
    expect(next).toMatchObject({ name: 'Call 2024', version: 4, updatedAt: NOW.toISOString() });
    expect(replaceEdition).toHaveBeenCalledWith(next, 3, 'olga');
  });

  it('refuses a stale If-Match (412) and a released edition (409) without writing', async () => {
    const replaceEdition = vi.fn(async () => true);
    const put = (stored: EditionRecord, ifMatch: number) =>
      putEdition({ editions: { getEdition: async () => stored, createEdition: async () => false, replaceEdition } }, { editionId: '2024', settings, caller: olga, ifMatch, now: NOW });
    await expect(put(edition, 2)).rejects.toMatchObject({ code: 'precondition-failed', message: 'The edition is at version 3.' });
    await expect(put({ ...edition, releasedAt: '2024-07-01T00:00:00.000Z' }, 3)).rejects.toMatchObject({ code: 'conflict' });
    expect(replaceEdition).not.toHaveBeenCalled();
  });
});

describe('the scheduled close', () => {
  it('closes, as of its deadline, only an edition the clock has closed and nobody has', async () => {
    const due = { ...edition, editionId: 'due', deadline: '2024-05-31T16:00:00.000Z' };
    const closedByHand = { ...due, editionId: 'by-hand', closedAt: '2024-05-20T00:00:00.000Z', closedBy: 'olga' };
    const released = { ...due, editionId: 'released', releasedAt: '2024-05-31T20:00:00.000Z' };
    const closeEdition = vi.fn(async () => 'closed' as const);
    const ports = { editions: { allEditions: async () => [edition, due, closedByHand, released], closeEdition } };
    expect(await closeDueEditions(ports, { now: NOW })).toEqual(['due']);
    expect(closeEdition).toHaveBeenCalledExactlyOnceWith('due', due.deadline, 'schedule', 'the deadline passed');
  });
});

describe('an extension', () => {
  it('is refused once a decision is recorded, even when the write itself finds it meanwhile', async () => {
    const decided = { ...edition, decisionsFrom: '2024-06-01T07:00:00.000Z' };
    const reads = [edition, decided];
    const ports = { editions: { getEdition: async () => reads.shift(), putExtension: async () => 'edition-gone' as const } };
    const asked = { editionId: '2024', sub: 'ann', deadline: '2024-06-25T16:00:00.000Z', reason: 'Flooded office', caller: olga, now: NOW };
    await expect(putExtension(ports, asked)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('extensions are no longer granted') });
  });
});
