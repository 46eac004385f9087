import { randomBytes } from 'node:crypto';
import { newEdition } from '../../functions/domain/edition.ts';
import { createEdition } from '../../functions/adapters/editions-repo.ts';

export const uniq = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A fresh open edition id such as 2099-it-3fa9c2d1, created straight through the repository. */
export async function openEdition(over: { opensAt?: string; deadline?: string } = {}): Promise<string> {
  const editionId = uniq('2099-it');
  const now = new Date();
  const created = await createEdition(
    newEdition(
      editionId,
      {
        name: 'Integration edition',
        opensAt: over.opensAt ?? new Date(now.getTime() - 60_000).toISOString(),
        deadline: over.deadline ?? new Date(now.getTime() + 3_600_000).toISOString(),
        timeZone: 'Asia/Shanghai',
      },
      now,
    ),
  );
  if (!created) throw new Error('edition exists');
  return editionId;
}

export { completeFields } from '../support/cases.ts';
