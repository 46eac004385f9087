/**
 * The media bucket's CORS rules (bucket-design.ts): what a page of the stage's origins may do with the bucket, read by
 * the CDK bucket and the local s3rver alike.
 */
import { describe, expect, it } from 'vitest';
import { MEDIA_CORS_MAX_AGE_SECONDS, mediaCorsRules } from '../../../functions/adapters/bucket-design.ts';
import { presignUpload } from '../../../functions/adapters/media-store.ts';

const ORIGINS = ['https://cases.example.org', 'http://localhost:5173'];
const lower = (names: readonly string[]) => names.map((n) => n.toLowerCase());

describe('mediaCorsRules', () => {
  const rules = mediaCorsRules(ORIGINS);
  const byMethod = (method: 'GET' | 'HEAD' | 'POST') => {
    const found = rules.filter((r) => r.allowedMethods.includes(method));
    expect(found, method).toHaveLength(1);
    return found[0]!;
  };

  it('allows exactly the origins given, no wildcard, in every rule', () => {
    for (const rule of rules) {
      expect(rule.allowedOrigins, rule.id).toEqual(ORIGINS);
      expect([...rule.allowedOrigins, ...rule.allowedHeaders].some((v) => v.includes('*')), rule.id).toBe(false);
    }
    expect(mediaCorsRules(['http://127.0.0.1:4999']).flatMap((r) => r.allowedOrigins)).toEqual(['http://127.0.0.1:4999', 'http://127.0.0.1:4999']);
  });

  it('allows uploads (POST) and downloads (GET, HEAD) only: no PUT or DELETE from a page', () => {
    expect(rules.flatMap((r) => r.allowedMethods).sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(byMethod('GET')).toBe(byMethod('HEAD'));
  });

  it('lets a page send the headers its upload and its ranged previews need', () => {
    expect(lower(byMethod('POST').allowedHeaders)).toContain('content-type');
    expect(lower(byMethod('GET').allowedHeaders)).toContain('range');
  });

  it("exposes what a page reads: a download's type, length, disposition, range and ETag; an upload's ETag and Location", () => {
    expect(lower(byMethod('GET').exposedHeaders)).toEqual(expect.arrayContaining(['content-length', 'content-type', 'content-disposition', 'content-range', 'etag']));
    expect(lower(byMethod('POST').exposedHeaders)).toEqual(expect.arrayContaining(['etag', 'location']));
  });

  it('lets a browser cache a preflight for an hour, below the 2 hours Chromium allows at most', () => {
    expect(MEDIA_CORS_MAX_AGE_SECONDS).toBe(3600);
    for (const rule of rules) expect(rule.maxAgeSeconds, rule.id).toBe(MEDIA_CORS_MAX_AGE_SECONDS);
  });

  it('matches the upload form: no success_action_status, so S3 answers 204 with the Location and ETag exposed', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const form = await presignUpload('quarantine/2026/a/b', 'application/pdf', 10, new Date(now.getTime() + 60_000), now);
    expect(Object.keys(form.fields).map((k) => k.toLowerCase())).not.toContain('success_action_status');
    expect(Object.keys(form.fields).map((k) => k.toLowerCase())).not.toContain('success_action_redirect');
  });
});
