import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { buildFeaturedEndpoint } from './featured-endpoint';

/** Featured endpoints per stack in the benchmark apps (the README says how many fit in one stack). */
export const ENDPOINTS_PER_STACK = 5;

/** An app with `count` fully featured endpoints, `ENDPOINTS_PER_STACK` per stack. */
export function buildLibraryApp(count: number, outdir: string): App {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  let stack: Stack | undefined;
  for (let i = 0; i < count; i++) {
    if (i % ENDPOINTS_PER_STACK === 0) stack = new Stack(app, `Fleet${i / ENDPOINTS_PER_STACK}`);
    buildFeaturedEndpoint(stack!, `Llm${i}`);
  }
  return app;
}

/**
 * The baseline: the identical templates built from raw L1 constructs (one `CfnResource` per resource with the
 * same type, properties, logical ID and dependencies), i.e. the floor any construct library sits on.
 */
export function buildBaselineApp(templates: { [stackName: string]: any }, outdir: string): App {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  for (const [stackName, template] of Object.entries(templates)) {
    const stack = new Stack(app, stackName);
    for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      const cfn = new CfnResource(stack, logicalId, { type: resource.Type, properties: resource.Properties });
      cfn.overrideLogicalId(logicalId);
      if (resource.DependsOn) cfn.addOverride('DependsOn', resource.DependsOn);
    }
  }
  return app;
}
