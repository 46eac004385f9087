import { Logger } from '@aws-lambda-powertools/logger';

/** The structured logger (Powertools): service name and level from POWERTOOLS_* variables. */
export const logger = new Logger();
