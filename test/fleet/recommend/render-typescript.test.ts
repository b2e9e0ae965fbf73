import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeGenerated } from './generated-module';
import { packageArn } from './jobs';
import { typescriptSamples } from './typescript-samples';

/*
 * The generated code is what users paste into their CDK app, so it is held to what they would do with it: it runs
 * and synthesizes, passing the library's validation. That it type-checks against the library's sources with the
 * repository's strict options is checked by `npm run check:samples` (scripts/check-samples.ts), and that its
 * templates pass aws-cdk-lib's strict CloudFormation validation by `npm run check:templates`
 * (test/template-validation.check.ts), for these same cases (typescript-samples.ts).
 */

describe('generated TypeScript', () => {
  const sources = typescriptSamples();

  test('endpoint: ranked pools, a model package per pool, the priority-1 instance count', () => {
    const template = synthesizeGenerated(sources.endpoint, 'recommendedEndpoint');
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [{
        InitialInstanceCount: 1,
        InstancePools: [
          { InstanceType: 'ml.p5.48xlarge', Priority: 1 },
          { InstanceType: 'ml.g6e.24xlarge', Priority: 2, ModelNameOverride: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LlmG6e24xlargeModel'), 'ModelName'] } },
          { InstanceType: 'ml.g6e.12xlarge', Priority: 3, ModelNameOverride: Match.anyValue() },
          { InstanceType: 'ml.g6.48xlarge', Priority: 4, ModelNameOverride: Match.anyValue() },
          { InstanceType: 'ml.g6.12xlarge', Priority: 5, ModelNameOverride: Match.anyValue() },
        ],
      }],
    });
    template.resourceCountIs('AWS::SageMaker::Model', 5);
    template.hasResourceProperties('AWS::SageMaker::Model', {
      PrimaryContainer: {
        ModelPackageName: packageArn(3), InferenceSpecificationName: 'p5-48xlarge-tp4',
        Environment: { OPTION_TENSOR_PARALLEL_DEGREE: '4', OPTION_MAX_MODEL_LEN: '16384' },
      },
    });
  });

  test('--order: only the listed types, in that order', () => {
    const pools = synthesizeGenerated(sources['endpoint-order'], 'recommendedEndpoint').findResources('AWS::SageMaker::EndpointConfig');
    const variant = Object.values(pools)[0].Properties.ProductionVariants[0];
    expect(variant.InstancePools.map((p: { InstanceType: string }) => p.InstanceType)).toEqual(['ml.g6.12xlarge', 'ml.p5.48xlarge']);
  });

  test('inference components: per-instance-type specifications with memory and accelerators, copies, managed scaling', () => {
    const template = synthesizeGenerated(sources.components, 'recommendedInferenceComponent');
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [{ InitialInstanceCount: 1, ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 2 } }],
    });
    const component = Object.values(template.findResources('AWS::SageMaker::InferenceComponent'))[0].Properties;
    expect(component.RuntimeConfig).toEqual({ CopyCount: 2 });
    expect(component.Specifications.map((s: { InstanceType: string; ComputeResourceRequirements: unknown }) => [s.InstanceType, s.ComputeResourceRequirements])).toEqual([
      ['ml.p5.48xlarge', { MinMemoryRequiredInMb: 16384, NumberOfAcceleratorDevicesRequired: 4 }],
      ['ml.g6e.24xlarge', { MinMemoryRequiredInMb: 16384, NumberOfAcceleratorDevicesRequired: 4 }],
      ['ml.g6e.12xlarge', { MinMemoryRequiredInMb: 24576, NumberOfAcceleratorDevicesRequired: 4 }],
      ['ml.g6.48xlarge', { MinMemoryRequiredInMb: 16384, NumberOfAcceleratorDevicesRequired: 8 }],
      ['ml.g6.12xlarge', { MinMemoryRequiredInMb: 16384, NumberOfAcceleratorDevicesRequired: 4 }],
    ]);
  });

  test('one pool for a component: the specification for all instance types', () => {
    expect(sources['one-component-pool']).toContain('InferenceComponentSpecification.forAllInstanceTypes(');
    const template = synthesizeGenerated(sources['one-component-pool'], 'recommendedInferenceComponent');
    const component = Object.values(template.findResources('AWS::SageMaker::InferenceComponent'))[0].Properties;
    expect(component.Specification.ComputeResourceRequirements).toEqual({ MinMemoryRequiredInMb: 16384, NumberOfAcceleratorDevicesRequired: 4 });
    expect(component.RuntimeConfig).toEqual({ CopyCount: 2 });
  });

  test('Inference Recommender: the tuned environment on each pool model, metrics with their units', () => {
    expect(sources['inference-recommender'].replace(/\n *\/\/ /g, ' ')).toContain('Priority 1 · recommendation 2: 1 × ml.g4dn.xlarge · '
      + 'CostPerInference 0.0000041 USD · CostPerHour 1.2 USD · MaxInvocations 648 per minute · ModelLatency 263 ms');
    const template = synthesizeGenerated(sources['inference-recommender'], 'recommendedEndpoint');
    template.hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: packageArn(11), Environment: { OMP_NUM_THREADS: '8' } } });
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [{ InstancePools: [{ InstanceType: 'ml.g4dn.xlarge', Priority: 1 }, Match.objectLike({ InstanceType: 'ml.g5.xlarge', Priority: 2 })] }],
    });
  });

  test('no pool claims a maxConcurrency the job did not measure: each is marked to measure, and the header says why', () => {
    const poolLines = (source: string) => source.split('\n').filter((l) => /^ {6}\{ instanceType: InstanceType\.of\(/.test(l));
    for (const name of ['endpoint', 'endpoint-order', 'inference-recommender']) {
      const source = sources[name];
      expect(poolLines(source).length).toBeGreaterThan(1);
      for (const line of poolLines(source)) expect(line).toMatch(/ \}, \/\/ priority \d; maxConcurrency: TODO \(load test\)$/);
      expect(source).not.toMatch(/maxConcurrency(PerCopy)?: \d/);
    }
    const header = (source: string) => source.split('\n').filter((l) => l.startsWith('//')).join(' ').replace(/ \/\/ /g, ' ');
    expect(header(sources.endpoint)).toContain('Note: no pool has maxConcurrency: the job does not measure the concurrent requests '
      + 'one instance carries (its ExpectedPerformance gives cost, throughput and ttft-ms). Measure it per instance type with a load test');
    expect(header(sources['inference-recommender'])).toContain('(its Metrics give cost, MaxInvocations (requests per minute, not requests in flight) '
      + 'and ModelLatency)');
    expect(header(sources.components)).toContain('Note: no specification has maxConcurrencyPerCopy: the job does not measure the '
      + 'concurrent requests one model copy carries');
    expect(sources.components.replace(/\n *\/\/ /g, ' ')).toContain('ml.p5.48xlarge: 2 copies per instance; acceleratorCount from OPTION_TENSOR_PARALLEL_DEGREE; '
      + 'maxConcurrencyPerCopy: TODO (load test)');
    expect(sources.components).not.toMatch(/maxConcurrency(PerCopy)?: \d/);
  });

  test('names with quotes and newlines from AWS stay data', () => {
    // Not names SageMaker takes: the library rejects them at synth time, and its message quotes the value as it
    // arrived, which shows the generated code carried it as data (no quote closed early, nothing executed).
    expect(() => synthesizeGenerated(sources['odd-names'], 'recommendedEndpoint'))
      .toThrow("fromModelPackage.options.inferenceSpecificationName: letters, digits and inner hyphens, at most 63 characters, got 'tp4-'quoted'' [InvalidModelContainer]");
  });

  test('the header says where the pools come from, how they were ranked and what was dropped', () => {
    const header = sources.endpoint.split('\n').filter((l) => l.startsWith('//')).join('\n');
    expect(header).toContain('// Instance pools from AI recommendation job qwen3-recs (Completed, ended 2026-11-24 08:10 UTC).');
    expect(header).toContain("// Ranking: ranked by the job's performance objective: ttft-ms (p50, ms; lower is better).");
    expect(header).toMatch(/\/\/ Dropped: recommendation 5 \(ml.g5.48xlarge\): it ranks below the 5 pools kept/);
    expect(header).toMatch(/\/\/ Dropped: recommendation 7 \(ml.g5.12xlarge\): it has no model package/);
    expect(sources.components).toContain('--inference-components');
  });
});
