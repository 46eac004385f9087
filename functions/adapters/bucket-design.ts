/**
 * The media bucket's layout. Uploads land under quarantine/ and nobody reads them there; the verifier moves
 * what passes to cases/. The CDK grants and the S3 notification filter read these prefixes. No AWS imports.
 */
export const PREFIXES = { quarantine: 'quarantine/', cases: 'cases/' } as const;
export type Prefix = keyof typeof PREFIXES;

export interface ObjectRef {
  editionId: string;
  caseId: string;
  attachmentId: string;
}

export const objectKeys = {
  quarantine: (r: ObjectRef) => `${PREFIXES.quarantine}${r.editionId}/${r.caseId}/${r.attachmentId}`,
  verified: (r: ObjectRef) => `${PREFIXES.cases}${r.editionId}/${r.caseId}/${r.attachmentId}`,
};

const QUARANTINE_KEY = /^quarantine\/([0-9]{4}(?:-[a-z0-9-]{1,40})?)\/([0-9A-HJKMNP-TV-Z]{26})\/([0-9A-HJKMNP-TV-Z]{26})$/;

/** The ids in a quarantine key, or undefined for any other key. */
export function parseQuarantineKey(key: string): ObjectRef | undefined {
  const m = QUARANTINE_KEY.exec(key);
  return m ? { editionId: m[1]!, caseId: m[2]!, attachmentId: m[3]! } : undefined;
}
