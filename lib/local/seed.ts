/** The demo edition a newcomer finds on first start: open now, closing at 24:00 Beijing time in 30 days. */
import { newEdition } from '../../functions/domain/edition.ts';
import { createEdition, listEditions } from '../../functions/adapters/editions-repo.ts';

const DAY = 86_400_000;

export async function seedDemoEdition(now = new Date()): Promise<string | undefined> {
  const existing = await listEditions(1);
  if (existing.items.length > 0) return undefined;
  const editionId = String(now.getUTCFullYear());
  // 24:00 in Beijing (UTC+8, no daylight saving) is 16:00 UTC of the same calendar day.
  const closing = new Date(now.getTime() + 30 * DAY);
  const deadline = new Date(Date.UTC(closing.getUTCFullYear(), closing.getUTCMonth(), closing.getUTCDate(), 16));
  const edition = newEdition(
    editionId,
    {
      name: `Practice Cases of Jointly Building a Community with a Shared Future in Cyberspace ${editionId} (demo)`,
      opensAt: new Date(now.getTime() - DAY).toISOString(),
      deadline: deadline.toISOString(),
      timeZone: 'Asia/Shanghai',
      materialsDeadline: new Date(deadline.getTime() + 60 * DAY).toISOString(),
      contact: { name: 'Call secretariat', email: 'practice@example.org', phone: '+86 10 0000 0000' },
    },
    now,
  );
  return (await createEdition(edition)) ? editionId : undefined;
}
