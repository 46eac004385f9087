/**
 * What a failure becomes for the caller, in every HTTP wrapper (handler.ts, static-handler.ts): a problem the code threw
 * as is; a downstream service's throttling as 429; anything else logged once and answered 500 without its details.
 * The title is in the language the request negotiated (http-headers.ts, localeOf).
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { AppError } from '#domain/errors';
import { localeOf } from './http-headers.ts';
import { problemResponse } from './http.ts';
import { logger } from './logger.ts';

const THROTTLED = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TooManyRequestsException']);

export function errorResult(err: unknown, event?: APIGatewayProxyEvent): APIGatewayProxyResult {
  const locale = localeOf(event);
  if (err instanceof AppError) return problemResponse(err, locale);
  const name = (err as { name?: string } | null)?.name ?? '';
  if (THROTTLED.has(name)) {
    logger.warn('throttled by a downstream service', { error: name });
    return problemResponse(new AppError('rate-limited', 'detail.busy'), locale);
  }
  logger.error('unhandled error', { error: err as Error, path: event?.path });
  return problemResponse(new AppError('internal-error', 'detail.internal-error'), locale);
}
