/**
 * The environment is checked by hand (functions/config/env.ts), not with zod, to keep zod off the cold start. These
 * hold each check to the zod schema it replaced: the same values accepted, the same values read, the same refused.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { integer, loadEnv, oneOf, optional, optionalOneOf, required } from '#config/env';

const SAMPLES = [undefined, '', ' ', 'x', 'abc', '0', '-0', '1', '99', '100', ' 12 ', '1e3', '0x10', '1.5', '-5', 'Infinity', 'NaN', '9007199254740991', '9007199254740993', 'ses', 'outbox', 'SES', 'true', 'false', 'a'.repeat(31), 'a'.repeat(32)];

/** What zod made of `value` under `schema`: the value read, or 'refused'. */
function byZod(schema: z.ZodMiniType, value: string | undefined): unknown {
  const parsed = z.object({ V: schema }).safeParse(value === undefined ? {} : { V: value });
  return parsed.success ? parsed.data.V : 'refused';
}

function byHand(check: Parameters<typeof loadEnv>[0][string], value: string | undefined): unknown {
  try {
    return loadEnv({ V: check }, value === undefined ? {} : { V: value }).V;
  } catch (err) {
    expect((err as Error).message).toBe('Missing or invalid environment: V');
    return 'refused';
  }
}

describe('loadEnv', () => {
  const cases: [string, Parameters<typeof loadEnv>[0][string], z.ZodMiniType][] = [
    ['required()', required(), z.string().check(z.minLength(1))],
    ['required(32)', required(32), z.string().check(z.minLength(32))],
    ['optional()', optional(), z.optional(z.string())],
    ["oneOf(['ses', 'outbox'])", oneOf(['ses', 'outbox']), z.enum(['ses', 'outbox'])],
    ["optionalOneOf(['true', 'false'])", optionalOneOf(['true', 'false']), z.optional(z.enum(['true', 'false']))],
    ['integer(100, 10_000)', integer(100, 10_000), z._default(z.coerce.number().check(z.int(), z.gte(100)), 10_000)],
    ['integer(0, 1000)', integer(0, 1000), z._default(z.coerce.number().check(z.int(), z.gte(0)), 1000)],
  ];
  for (const [name, check, schema] of cases) {
    it(`${name} reads what the zod schema it replaced read, and refuses what it refused`, () => {
      for (const value of SAMPLES) expect(byHand(check, value), JSON.stringify(value)).toEqual(byZod(schema, value));
    });
  }

  it('names every missing or invalid variable at once', () => {
    expect(() => loadEnv({ A: required(), B: oneOf(['x']), C: optional() }, { B: 'y' })).toThrow('Missing or invalid environment: A, B');
  });
});
