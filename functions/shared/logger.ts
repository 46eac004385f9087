import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redact.ts';

/**
 * The structured logger (Powertools): JSON lines, service name and level from POWERTOOLS_* variables. Every
 * string it writes goes through redact.ts: no e-mail address, token or presigned URL reaches a log.
 */
export const logger = new Logger({ jsonReplacerFn: redactingReplacer });
