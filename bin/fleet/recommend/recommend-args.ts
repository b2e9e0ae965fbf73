import {
  checkInstanceType, checkSageMakerName, COMMON_OPTIONS, ConnectionArgs, connectionArgs, InfoRequest, infoRequest, strictParse,
} from '../command-line';
import { FleetError } from '../errors';

export const RECOMMEND_USAGE = `Usage: sagemaker-fleet recommend JOB_NAME [options] > recommended-pools.ts

The recommendations of a SageMaker AI recommendation job (or an Inference Recommender job) as ranked
instance pools: TypeScript for this library on stdout, one model per instance type, ranked by the job's
performance objective unless --order says otherwise (the output says which rule it used).

Options:
      --order TYPES      comma-separated instance types, preferred first (default: ranked by the job's
                         performance objective)
      --inference-components
                         per-instance-type specifications of an inference component instead of the
                         pools of a capacity-aware endpoint
      --job-type TYPE    ai-recommendation, inference-recommender, or auto (default: an AI recommendation
                         job by that name, else an Inference Recommender job)
      --json             the same data as a JSON document
      --region REGION    AWS region (default: AWS_REGION or the profile's region)
      --profile NAME     named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug            print the stack trace with an error
  -h, --help             show this help
      --version          show the version

Exit codes: 0 pools printed
            1 the job failed or was stopped, or none of its recommendations can become a pool
            2 bad arguments or no region configured, or --order naming a type the job did not recommend
            3 recommendation job not found · 4 no credentials, credentials rejected, or access denied
            5 AWS unreachable, or still throttling or failing after retries · 6 unexpected error
            7 the recommendation job is still running; run it again when the job has completed
`;

/** Which API holds the job: the AI recommendation jobs, the older Inference Recommender, or whichever has it. */
export type JobType = 'auto' | 'ai-recommendation' | 'inference-recommender';

export interface RecommendCommand extends ConnectionArgs {
  readonly kind: 'recommend';
  readonly jobName: string;
  /** `--order`: instance types, preferred first; undefined means "rank by the job's objective". */
  readonly order?: readonly string[];
  /** `--inference-components`: per-instance-type specifications of a component instead of endpoint pools. */
  readonly inferenceComponents: boolean;
  readonly jobType: JobType;
}

const JOB_TYPES: readonly JobType[] = ['auto', 'ai-recommendation', 'inference-recommender'];
/** A variant holds at most five instance pools. */
const MAX_POOLS = 5;

/** Parses `recommend JOB_NAME [options]`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parseRecommendCommand(argv: readonly string[]): RecommendCommand | InfoRequest {
  const { values, positionals } = strictParse(argv, {
    ...COMMON_OPTIONS,
    'order': { type: 'string' },
    'inference-components': { type: 'boolean' },
    'job-type': { type: 'string' },
  });
  const info = infoRequest(values, RECOMMEND_USAGE);
  if (info) return info;
  const [, jobName, ...extra] = positionals;
  if (jobName === undefined) throw new FleetError('usage', "missing job name: 'sagemaker-fleet recommend JOB_NAME'.");
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one job per call.`);
  // Inference Recommender job names may be 64 characters long, AI recommendation job names 63.
  checkSageMakerName('recommendation job', jobName, 64);

  const jobType = (values['job-type'] ?? 'auto') as JobType;
  if (!JOB_TYPES.includes(jobType)) {
    throw new FleetError('usage', `--job-type must be one of ${JOB_TYPES.join(', ')}, got '${values['job-type']}'.`);
  }
  return {
    kind: 'recommend',
    jobName,
    order: values.order === undefined ? undefined : parseOrder(values.order),
    inferenceComponents: values['inference-components'] === true,
    jobType,
    ...connectionArgs(values),
  };
}

/** `ml.g6e.12xlarge,ml.g6.12xlarge`: one to five distinct instance types. */
function parseOrder(raw: string): string[] {
  const types = raw.split(',').map((t) => t.trim()).filter(Boolean);
  if (types.length === 0) throw new FleetError('usage', '--order needs instance types, e.g. --order ml.g6e.12xlarge,ml.g6.12xlarge.');
  for (const type of types) checkInstanceType('--order', type);
  const repeated = types.find((t, i) => types.indexOf(t) !== i);
  if (repeated) throw new FleetError('usage', `--order lists ${repeated} twice: a variant holds each instance type once.`);
  if (types.length > MAX_POOLS) throw new FleetError('usage', `--order lists ${types.length} instance types: a variant holds at most ${MAX_POOLS} pools.`);
  return types;
}
