import type { Group } from './vocabulary.ts';

/** Who makes a request: the verified claims of their token (shared/auth.ts reads them). */
export interface Caller {
  sub: string;
  email: string;
  groups: Group[];
}
