import { scenarioSnapshot, singleTypeEndpoint } from './migrate-scenario';
import { MigrationPlan, renderPlan, revertCommand } from '../../../bin/fleet/migrate/plan-text';
import { buildUpdateRequest } from '../../../bin/fleet/migrate/update-request';
import { G6, P5 } from '../scenario';

function plan(extra: Partial<MigrationPlan> = {}): MigrationPlan {
  return {
    change: 'pools',
    endpointName: 'llm-endpoint',
    region: 'us-east-1',
    fromConfig: 'old',
    toConfig: 'new',
    toConfigIsNew: true,
    before: { VariantName: 'AllTraffic', ModelName: 'm', InstanceType: P5, InitialInstanceCount: 2, CoreDumpConfig: { DestinationS3Uri: 's3://d/' } },
    after: {
      VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 2, CoreDumpConfig: { DestinationS3Uri: 's3://d/' },
      InstancePools: [{ InstanceType: G6, Priority: 2, ModelNameOverride: 'int4' }, { InstanceType: P5, Priority: 1 }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    },
    live: { VariantName: 'AllTraffic', CurrentInstanceCount: 6 },
    copied: ['KmsKeyId'],
    tagCount: 1,
    otherVariants: ['Shadow (shadow)'],
    reservedTags: [{ Key: 'aws:cloudformation:stack-name', Value: 's' }],
    notes: ['read this'],
    scaling: scenarioSnapshot().scaling,
    update: buildUpdateRequest(scenarioSnapshot(), 'new', undefined),
    ...extra,
  };
}

describe('renderPlan', () => {
  const text = renderPlan(plan());
  const rows = text.split('\n');

  test('changed rows first, marked, with pools in priority order and nested members by path', () => {
    const table = rows.slice(rows.indexOf('Variant AllTraffic') + 1, rows.indexOf('  * changes'));
    expect(table).toEqual([
      '  FIELD                            NOW               AFTER',
      '  InstanceType                     ml.p5.48xlarge    -                                  *',
      '  InstancePools                    -                 1 ml.p5.48xlarge                   *',
      '                                                     2 ml.g6.48xlarge  model int4',
      '  RoutingConfig.RoutingStrategy    RANDOM (default)  LEAST_OUTSTANDING_REQUESTS         *',
      '  ModelName                        m                 m',
      '  InitialInstanceCount             2                 2',
      '  CoreDumpConfig.DestinationS3Uri  s3://d/           s3://d/',
      '  (running now)                    6 instances       kept (RetainAllVariantProperties)',
    ]);
  });

  test('what is carried over, what is not, notes, autoscaling, deployment, writes and the way back', () => {
    expect(text).toContain('Copied unchanged: KmsKeyId, 1 tag, variant Shadow (shadow)');
    expect(text).toContain('Not copied: tag aws:cloudformation:stack-name (the aws: prefix is reserved; AWS sets such tags itself)');
    expect(text).toContain('Note: read this');
    expect(text).toContain('  endpoint/llm-endpoint/variant/AllTraffic  min 2 · max 10 · policies InvocationsPerInstance');
    expect(text).toContain('https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html');
    expect(text).toContain('Writes          1. CreateEndpointConfig new  2. UpdateEndpoint llm-endpoint → new');
    expect(text).toContain('Going back      sagemaker-fleet migrate llm-endpoint --revert old --region us-east-1');
  });

  test('no autoscaling section without scalable targets; a reset count is marked', () => {
    const snapshot = scenarioSnapshot({ scaling: [], endpoint: singleTypeEndpoint({ ProductionVariants: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 2 }] }) });
    const calm = renderPlan(plan({ scaling: [], update: buildUpdateRequest(snapshot, 'new', undefined) }));
    expect(calm).not.toContain('Autoscaling');
    expect(calm).toMatch(/^ {2}\(running now\) +6 instances +InitialInstanceCount \(2\) +\*$/m);
    expect(calm).toContain('Instance counts from the endpoint config (InitialInstanceCount)');
  });

  test('a revert writes only UpdateEndpoint', () => {
    const back = renderPlan(plan({ change: 'revert', toConfigIsNew: false, copied: [] }));
    expect(back).toContain('Migrate endpoint llm-endpoint (us-east-1) back to endpoint config new');
    expect(back).toContain('Endpoint config  old  →  new (exists)');
    expect(back).toContain('Writes          UpdateEndpoint llm-endpoint → new');
    expect(back).not.toContain('Copied unchanged');
  });
});

test('revertCommand', () => {
  expect(revertCommand(plan())).toBe('sagemaker-fleet migrate llm-endpoint --revert old --region us-east-1');
});
