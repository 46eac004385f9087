/**
 * A page whose code is fetched when it is first opened (preact-iso's lazy), so that an applicant's first load carries
 * none of the desks. If the code cannot be fetched (offline, or a new deployment replaced the file), the page says so
 * in the person's language with a way to try again, instead of staying blank.
 */
import type { ComponentType } from 'preact';
import lazy from 'preact-iso/lazy';
import { Failure } from './ui';

export function lazyPage<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(() =>
    load().catch((error: unknown) => {
      const NotLoaded = () => <Failure error={error} retry={() => location.reload()} />;
      return NotLoaded as ComponentType<P>;
    }),
  );
}
