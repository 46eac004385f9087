/**
 * The outbox path on AWS: the table's stream (new images) feeds the workers with trigger 'table:stream'
 * (functions/shared/workers.ts) through one event source mapping each, filtered to their entity's INSERTs, with batch
 * item failures, bisection, bounded retries and the workers' dead-letter queue; no async-invoke settings (a stream is
 * polled); the stream read grant names this table's stream.
 */
import { describe, expect, it } from 'vitest';
import { WORKERS, type StreamTrigger, type WorkerSpec } from '../../functions/shared/workers.ts';
import { backendFunctions, grantsOf, logicalIdOf, ofType, STAGES, statementsOfFunction, type Synth, useStages } from './synth.ts';

const synths = useStages();

type Streamed = WorkerSpec & { trigger: StreamTrigger };
const STREAMED = WORKERS.filter((w): w is Streamed => w.trigger.source === 'table:stream');

/** The type tag of each entity a stream worker takes, written out here (not read from ENTITIES) to check the filter. */
const TYPE_TAGS: Partial<Record<string, string>> = { mail: 'mail', run: 'run' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mappingsOf(s: Synth, fnId: string) {
  return ofType(s.resources, 'AWS::Lambda::EventSourceMapping').filter(([, r]) => same(r.Properties?.FunctionName, { Ref: fnId }));
}

describe.each(STAGES)('the %s stack', (stage) => {
  it('streams the table\'s new images, and maps the stream to the stream workers only', () => {
    const s = synths[stage];
    const table = logicalIdOf(s, s.stack.storage.table);
    expect(s.resources[table]?.Properties?.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(STREAMED.map((w) => w.name)).toEqual(expect.arrayContaining(['sendNewMail', 'startNotificationRun']));
    const { workers } = backendFunctions(s);
    const mapped = ofType(s.resources, 'AWS::Lambda::EventSourceMapping').map(([, r]) => JSON.stringify(r.Properties?.FunctionName));
    expect(mapped.sort()).toEqual(STREAMED.map((w) => JSON.stringify({ Ref: workers.get(w.name) })).sort());
  });

  describe.each(STREAMED.map((w) => [w.name, w] as const))('%s', (name, spec) => {
    it('reads the stream from the oldest record kept, only INSERTs of its entity, in batches with item failures reported', () => {
      const s = synths[stage];
      const table = logicalIdOf(s, s.stack.storage.table);
      const mappings = mappingsOf(s, backendFunctions(s).workers.get(name) ?? '');
      expect(mappings).toHaveLength(1);
      const props = mappings[0]?.[1].Properties ?? {};
      expect(props.EventSourceArn).toEqual({ 'Fn::GetAtt': [table, 'StreamArn'] });
      expect(props.StartingPosition).toBe('TRIM_HORIZON');
      expect(props.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(props.BatchSize).toBe(spec.trigger.batchSize);
      const patterns = (props.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) => JSON.parse(f.Pattern) as unknown);
      expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [TYPE_TAGS[spec.trigger.inserted]] } } } }]);
      expect(props.ParallelizationFactor).toBe(10);
      expect(props.Enabled ?? true).toBe(true);
    });

    it('retries a failing batch, halved, a bounded number of times for up to 6 hours, then sends it to the workers\' dead-letter queue', () => {
      const s = synths[stage];
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const props = mappingsOf(s, fnId)[0]?.[1].Properties ?? {};
      expect(props.BisectBatchOnFunctionError).toBe(true);
      expect(props.MaximumRetryAttempts).toBe(spec.trigger.retryAttempts);
      expect(spec.trigger.retryAttempts).toBeGreaterThanOrEqual(1);
      expect(props.MaximumRecordAgeInSeconds).toBe(6 * 3600);
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      expect(props.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } });
      // Lambda sends the failure record with the function's own role.
      expect(grantsOf(statementsOfFunction(s.resources, fnId), 'sqs')).toContain(`Allow sqs:SendMessage <${queue}>`);
      // A stream is polled, never invoked asynchronously: no async retry settings to mislead.
      expect(ofType(s.resources, 'AWS::Lambda::EventInvokeConfig').filter(([, r]) => same(r.Properties?.FunctionName, { Ref: fnId }))).toEqual([]);
    });

    it('may read this table\'s stream only (ListStreams, which takes no resource, aside), and sends mail as its spec says', () => {
      const s = synths[stage];
      const table = logicalIdOf(s, s.stack.storage.table);
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const dynamo = grantsOf(statementsOfFunction(s.resources, fnId), 'dynamodb');
      for (const action of ['DescribeStream', 'GetRecords', 'GetShardIterator']) {
        expect(dynamo.filter((g) => g.startsWith(`Allow dynamodb:${action} `))).toEqual([`Allow dynamodb:${action} ${JSON.stringify({ 'Fn::GetAtt': [table, 'StreamArn'] })}`]);
      }
      expect(dynamo.filter((g) => g.startsWith('Allow dynamodb:ListStreams '))).toEqual(['Allow dynamodb:ListStreams *']);
      expect(grantsOf(statementsOfFunction(s.resources, fnId), 'ses').length > 0).toBe(spec.mail === true);
    });
  });
});
