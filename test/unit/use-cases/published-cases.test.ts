/**
 * What the public results and the organisers' CSV show of a case, with plain fake ports: the title and the summary
 * in both languages, side by side.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#domain/case';
import { publicCase } from '#shared/views/case';
import { getResults } from '#use-cases/editions/get-results';
import { exportEditionCases } from '#use-cases/selection/export-edition-cases';
import { edition, olga, submitted } from './committee-records.ts';

const english = submitted({ caseId: '01HZX3N4QK7M2XG5V6R9T0BCD1', title: 'Joint CERT training', decision: 'outstanding' });
const both = submitted({
  caseId: '01HZX3N4QK7M2XG5V6R9T0BCD2', title: 'Broadband for villages', titleZh: '乡村宽带', summaryZh: '为一百四十个村庄接入宽带。', decision: 'outstanding',
});
const { title: _title, summary: _summary, ...noEnglish } = submitted();
const chinese: CaseRecord = { ...noEnglish, caseId: '01HZX3N4QK7M2XG5V6R9T0BCD3', titleZh: '丝路数字合作', summaryZh: '中非数字合作。', decision: 'outstanding' };
const cases = [english, both, chinese];

/** The listing's copy of a case: no long texts (adapters/case-listing.ts). */
const listed = ({ summary: _s, summaryZh: _z, description: _d, version: _v, ...rest }: CaseRecord) => rest;

describe('the public results', () => {
  const results = () =>
    getResults(
      {
        editions: { getEdition: async () => edition({ releasedAt: '2024-07-01T00:00:00.000Z' }) },
        listing: { selectedCasesPage: async () => ({ items: cases.map(listed), nextCursor: null }) },
        cases: { getCases: async () => cases },
      },
      { editionId: '2024' },
    );

  it('show the title and the summary in both languages, null where the case has none', async () => {
    const shown = (await results()).outstanding.map(publicCase);
    expect(shown.find((c) => c.caseId === both.caseId)).toMatchObject({ title: 'Broadband for villages', titleZh: '乡村宽带', summary: both.summary, summaryZh: '为一百四十个村庄接入宽带。' });
    expect(shown.find((c) => c.caseId === english.caseId)).toMatchObject({ title: 'Joint CERT training', titleZh: null, summaryZh: null });
    expect(shown.find((c) => c.caseId === chinese.caseId)).toMatchObject({ title: null, titleZh: '丝路数字合作', summary: null, summaryZh: '中非数字合作。' });
  });

  it('order a case with a Chinese title only by that title (not first, as if it had none)', async () => {
    expect((await results()).outstanding.map((c) => c.caseId)).toEqual([both.caseId, english.caseId, chinese.caseId]);
  });
});

describe('the CSV export', () => {
  const exported = async () => {
    async function* pages() {
      yield cases.map(listed);
    }
    const csv = await exportEditionCases(
      {
        editions: { getEdition: async () => edition() },
        listing: { allEditionCases: pages },
        attachments: { uploadCountsOf: async () => new Map() },
      },
      { editionId: '2024', filters: { sort: 'newest' }, caller: olga },
    );
    return parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  };

  it('has the title in both languages, in columns title and titleZh', async () => {
    const rows = await exported();
    expect(Object.keys(rows[0]!).slice(0, 6)).toEqual(['caseId', 'status', 'title', 'titleZh', 'category', 'caseType']);
    const byId = new Map(rows.map((r) => [r.caseId, r]));
    expect(byId.get(both.caseId)).toMatchObject({ title: 'Broadband for villages', titleZh: '乡村宽带' });
    expect(byId.get(english.caseId)).toMatchObject({ title: 'Joint CERT training', titleZh: '' });
    expect(byId.get(chinese.caseId)).toMatchObject({ title: '', titleZh: '丝路数字合作' });
  });

  it('has no long texts (the listing it reads carries none; they are in the case and the published results)', async () => {
    const rows = await exported();
    expect(Object.keys(rows[0]!)).not.toContain('description');
    expect(Object.keys(rows[0]!)).not.toContain('summary');
    expect(JSON.stringify(rows)).not.toContain(english.description!);
  });
});
