import { App, AppProps, CfnMapping, CfnResource, Stack } from 'aws-cdk-lib';
import { buildFeaturedEndpoint } from './featured-endpoint';
import { buildHandWrittenEndpoint } from './hand-written-endpoint';
import type { Library } from './library';

/** Featured endpoints per stack in the benchmark apps (the README says how many fit in one stack). */
export const ENDPOINTS_PER_STACK = 5;

/** An app with `count` endpoints, `ENDPOINTS_PER_STACK` per stack, each built by `build(stack, id)`. */
function buildApp(count: number, outdir: string, build: (stack: Stack, id: string) => unknown, props: AppProps = {}): App {
  const app = new App({ builtinCloudFormationValidation: false, ...props, outdir });
  let stack: Stack | undefined;
  for (let i = 0; i < count; i++) {
    if (i % ENDPOINTS_PER_STACK === 0) stack = new Stack(app, `Fleet${i / ENDPOINTS_PER_STACK}`);
    build(stack!, `Llm${i}`);
  }
  return app;
}

/**
 * An app with `count` fully featured endpoints of the library `lib` (as loaded by `library.ts`; `props` for
 * aws-cdk-lib's switches).
 */
export function buildLibraryApp(lib: Library, count: number, outdir: string, props: AppProps = {}): App {
  return buildApp(count, outdir, (stack, id) => buildFeaturedEndpoint(lib, stack, id), props);
}

/**
 * The same app written by hand with aws-cdk-lib's L1 SageMaker and Application Auto Scaling resources and its L2
 * IAM and CloudWatch constructs (see `hand-written-endpoint.ts`): what a user pays without the library.
 */
export function buildHandWrittenApp(count: number, outdir: string): App {
  return buildApp(count, outdir, buildHandWrittenEndpoint);
}

/**
 * The floor: the identical templates built from raw L1 constructs (one `CfnResource` per resource with the same
 * type, properties, logical ID and dependencies, and one `CfnMapping` per mapping), i.e. what any construct library
 * sits on.
 */
export function buildRawApp(templates: { [stackName: string]: any }, outdir: string): App {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  for (const [stackName, template] of Object.entries(templates)) {
    const stack = new Stack(app, stackName);
    Object.entries<any>(template.Resources ?? {}).forEach(([logicalId, resource], i) => {
      const cfn = new CfnResource(stack, logicalId, { type: resource.Type, properties: resource.Properties });
      cfn.overrideLogicalId(logicalId);
      if (resource.DependsOn) cfn.addOverride('DependsOn', resource.DependsOn);
      // The library's templates list their resources before their mappings: add the mappings after a resource.
      if (i === 0) {
        for (const [id, mapping] of Object.entries<any>(template.Mappings ?? {})) new CfnMapping(stack, id, { mapping });
      }
    });
  }
  return app;
}
