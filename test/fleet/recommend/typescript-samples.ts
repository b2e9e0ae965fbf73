/**
 * The TypeScript `sagemaker-fleet recommend` prints, for the recommendation-job cases: render-typescript.test.ts
 * asserts its content and synthesizes it; `npm run check:samples` (scripts/check-samples.ts) type-checks it against
 * the library with the repository's strict options, and checks that the canary (a pool option the library does not
 * have) is reported.
 */
import { AI_JOB, aiJob, aiRecommendation, LEGACY_JOB, legacyJob } from './jobs';
import { fromAiRecommendationJob } from '../../../bin/fleet/recommend/ai-recommendation-job';
import { fromInferenceRecommenderJob } from '../../../bin/fleet/recommend/inference-recommender-job';
import { buildPlan, PlanTarget } from '../../../bin/fleet/recommend/pool-plan';
import { rankCandidates } from '../../../bin/fleet/recommend/ranking';
import { RecommendationJob } from '../../../bin/fleet/recommend/recommendation-job';
import { renderTypeScript } from '../../../bin/fleet/recommend/render-typescript';

function generate(job: RecommendationJob, target: PlanTarget, order?: string[]): string {
  return renderTypeScript(buildPlan(job, rankCandidates(job, { order, requireMemory: target === 'inference-components' }), target));
}

const featured = () => fromAiRecommendationJob(aiJob(), AI_JOB);
const oddNames = () => fromAiRecommendationJob(aiJob({
  Recommendations: [
    aiRecommendation({ type: 'ml.g6e.12xlarge', pkg: 1, spec: "tp4-'quoted'", ttft: '10' }),
    aiRecommendation({ type: 'ml.g6.12xlarge', pkg: 2, ttft: '20' }),
  ].map((r) => ({ ...r, DeploymentConfiguration: { ...r.DeploymentConfiguration, EnvironmentVariables: { 'A\nB': "x'); throw 1; ('" } } })),
}), AI_JOB);

/** The generated module of each case, by case name. */
export function typescriptSamples(): { [name: string]: string } {
  return {
    'endpoint': generate(featured(), 'endpoint'),
    'endpoint-order': generate(featured(), 'endpoint', ['ml.g6.12xlarge', 'ml.p5.48xlarge']),
    'components': generate(featured(), 'inference-components'),
    'one-component-pool': generate(featured(), 'inference-components', ['ml.g6e.24xlarge']),
    'inference-recommender': generate(fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB), 'endpoint'),
    'odd-names': generate(oddNames(), 'endpoint'),
  };
}

/** The endpoint case with a pool option the library does not have, and the diagnostic the type check must report. */
export function typescriptCanary(samples = typescriptSamples()): { source: string; expected: RegExp } {
  const from = "InstanceType.of('ml.p5.48xlarge') }";
  if (!samples.endpoint.includes(from)) throw new Error(`recommend canary: '${from}' is not in the generated module`);
  return { source: samples.endpoint.replace(from, "InstanceType.of('ml.p5.48xlarge'), maxConcurency: 8 }"), expected: /'maxConcurency' does not exist/ };
}
