import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/shared/routes.ts';
import { buildForTest } from './synth.ts';

/** The acknowledgements (suppressions) on the stack, by rule id, each with the construct paths and reasons. */
function acknowledgements(stack: ReturnType<typeof buildForTest>['stack']) {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

describe.each(['dev', 'prod'])('cdk-nag AwsSolutions on the %s stack', (stage) => {
  it('synthesizes with the pack applied and leaves no unacknowledged error or warning', () => {
    const { app, stack } = buildForTest(stage);
    expect(() => app.synth()).not.toThrow();
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only the expected findings, each with a reason', () => {
    const { stack } = buildForTest(stage);
    const acks = acknowledgements(stack);
    for (const ack of acks) expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);

    const publicRoutes = ROUTES.filter((r) => r.access === 'public').length;
    const tableRoutes = ROUTES.filter((r) => r.table).length;
    const count = (pattern: RegExp) => acks.filter((a) => pattern.test(a.id)).length;
    expect(new Set(acks.map((a) => a.id.replace(/\[.*\]$/, '')))).toEqual(
      new Set(['AwsSolutions-COG2', 'AwsSolutions-COG8', 'AwsSolutions-APIG2', 'AwsSolutions-IAM4', 'AwsSolutions-APIG4', 'AwsSolutions-COG4', 'AwsSolutions-IAM5']),
    );
    // Authorization is waived on the public routes of API.md and nowhere else.
    expect(count(/^AwsSolutions-APIG4$/)).toBe(publicRoutes);
    expect(count(/^AwsSolutions-COG4$/)).toBe(publicRoutes);
    // Wildcards: X-Ray's Resource "*" on each function, and the table's own "index/*" on functions with table access.
    expect(count(/^AwsSolutions-IAM5\[Resource::\*\]$/)).toBe(ROUTES.length);
    expect(count(/^AwsSolutions-IAM5\[Resource::<[A-Za-z0-9]+\.Arn>\/index\/\*\]$/)).toBe(tableRoutes);
    expect(count(/^AwsSolutions-IAM4\[Policy::.*AmazonAPIGatewayPushToCloudWatchLogs\]$/)).toBe(1);
  });
});

describe('an unacknowledged finding', () => {
  it('is reported, and fails the synth even when it is only a warning', () => {
    const { app, stack } = buildForTest('dev');
    // A table without point-in-time recovery: AwsSolutions-DDB3, a warning.
    new dynamodb.Table(stack, 'Unprotected', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });

    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['AwsSolutions-DDB3']);
    expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
  });
});
