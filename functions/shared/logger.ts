import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redact.ts';
import { withMappedStack } from './stack-map.ts';

/**
 * The structured logger (Powertools): JSON lines, service name and level from POWERTOOLS_* variables. Every
 * string it writes goes through redact.ts: no e-mail address, token or presigned URL reaches a log. A logged error's
 * stack names the source files, lines and columns (stack-map.ts), not the bundle's.
 */
export const logger = new Logger({
  jsonReplacerFn: (key, value) => redactingReplacer(key, value instanceof Error ? withMappedStack(value) : value),
});
