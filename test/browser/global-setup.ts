/** The browser tests serve the built web app: built here, once for the whole run, when web/dist is missing or stale. */
import { buildWebAppIfStale } from '../../lib/local/web-build.ts';

export default async function setup(): Promise<void> {
  await buildWebAppIfStale();
}
