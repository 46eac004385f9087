/** receivedAt: the instant a request's deadline is judged by. */
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { receivedAt } from '#shared/handler';

const clock = Date.parse('2024-06-20T16:00:00.250Z');
const eventAt = (requestTimeEpoch: unknown) => ({ requestContext: { requestTimeEpoch } }) as unknown as Pick<APIGatewayProxyEvent, 'requestContext'>;

describe('receivedAt', () => {
  it("is API Gateway's receipt time, not the handler's clock", () => {
    expect(receivedAt(eventAt(clock - 251), clock).toISOString()).toBe('2024-06-20T15:59:59.999Z');
  });

  it('is the clock when the receipt time is missing, not a number, ahead of the clock, or older than the integration timeout', () => {
    for (const t of [undefined, '1718899199999', Number.NaN, clock + 1, clock - 29_001]) {
      expect(receivedAt(eventAt(t), clock).getTime(), String(t)).toBe(clock);
    }
    expect(receivedAt({} as Pick<APIGatewayProxyEvent, 'requestContext'>, clock).getTime()).toBe(clock);
    expect(receivedAt(eventAt(clock - 29_000), clock).getTime()).toBe(clock - 29_000);
  });
});
