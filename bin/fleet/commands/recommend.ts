import { AwsApi } from '../aws';
import { ExitCode, ExitCodeValue } from '../errors';
import { buildPlan, RecommendationPlan } from '../recommend/pool-plan';
import { rankCandidates } from '../recommend/ranking';
import { RecommendCommand } from '../recommend/recommend-args';
import { readRecommendationJob } from '../recommend/read-job';
import { RecommendationJob } from '../recommend/recommendation-job';
import { renderTypeScript } from '../recommend/render-typescript';
import { duration } from '../render/format';
import { Runtime } from '../runtime';

export interface RecommendContext {
  readonly runtime: Runtime;
  readonly api: AwsApi;
  readonly region: string;
}

/**
 * `recommend JOB_NAME`: the job's recommendations as ranked pools, printed as TypeScript (or `--json`).
 * Exit code 0 with pools; 7 while the job runs; 1 when it failed or stopped, or when none of its recommendations
 * can become a pool. Anything but pools is explained on stderr; with `--json`, stdout always has the document.
 */
export async function recommendCommand(command: RecommendCommand, ctx: RecommendContext): Promise<ExitCodeValue> {
  const { runtime } = ctx;
  const job = await readRecommendationJob(ctx.api, command.jobName, command.jobType, ctx.region);
  const target = command.inferenceComponents ? 'inference-components' : 'endpoint';
  const ranking = job.state === 'completed' ? rankCandidates(job, { order: command.order, requireMemory: command.inferenceComponents }) : null;
  const plan = buildPlan(job, ranking, target);
  const { problem, code } = verdict(job, plan, runtime.now());

  if (command.json) runtime.stdout.write(JSON.stringify(plan, null, 2) + '\n');
  else if (!problem) runtime.stdout.write(renderTypeScript(plan));
  if (problem) runtime.stderr.write(`sagemaker-fleet: ${problem}\n`);
  return code;
}

function verdict(job: RecommendationJob, plan: RecommendationPlan, nowMs: number): { problem: string | null; code: ExitCodeValue } {
  const label = `recommendation job '${job.name}'`;
  switch (job.state) {
    case 'running': {
      const since = job.createdAt ? ` since ${duration((nowMs - Date.parse(job.createdAt)) / 1000)}` : '';
      return { problem: `${label} is still running (${job.status}${since}): run this again when it has completed.`, code: ExitCode.JOB_RUNNING };
    }
    case 'failed':
      return { problem: `${label} failed: ${job.failureReason ?? 'SageMaker gave no failure reason'}`, code: ExitCode.ENDPOINT_FAILED };
    case 'stopped':
      return { problem: `${label} was stopped before it completed${job.failureReason ? `: ${job.failureReason}` : ''}; it has no recommendations to rank.`, code: ExitCode.ENDPOINT_FAILED };
    case 'other':
      return { problem: `${label} is ${job.status}: it has no recommendations to rank.`, code: ExitCode.ENDPOINT_FAILED };
    case 'completed':
      break;
  }
  if (plan.pools.length > 0) return { problem: null, code: ExitCode.OK };
  if (job.candidates.length === 0) return { problem: `${label} completed without recommendations.`, code: ExitCode.ENDPOINT_FAILED };
  const reasons = plan.dropped.map((d) => `recommendation ${d.recommendation} (${d.instanceType ?? 'no instance type'}): ${d.reason}`);
  return { problem: `none of the ${job.candidates.length} recommendations of ${label} can become a pool: ${reasons.join(' · ')}`, code: ExitCode.ENDPOINT_FAILED };
}
