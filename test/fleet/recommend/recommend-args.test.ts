import { parseRecommendCommand, RECOMMEND_USAGE } from '../../../bin/fleet/recommend/recommend-args';
import { usageErrorOf } from '../usage-error';

const usage = (argv: string[]): string => usageErrorOf(() => parseRecommendCommand(argv)).message;

describe('parseRecommendCommand', () => {
  test('defaults: endpoint pools, ranked by the job, whichever job type has the name', () => {
    expect(parseRecommendCommand(['recommend', 'qwen3-recs'])).toEqual({
      kind: 'recommend', jobName: 'qwen3-recs', order: undefined, inferenceComponents: false, jobType: 'auto',
      json: false, debug: false, region: undefined, profile: undefined,
    });
  });

  test('every option', () => {
    expect(parseRecommendCommand([
      'recommend', 'qwen3-recs', '--order', 'ml.g6e.12xlarge, ml.g6.12xlarge', '--inference-components', '--json',
      '--job-type', 'inference-recommender', '--region', 'eu-west-1', '--profile', 'ml', '--debug',
    ])).toEqual({
      kind: 'recommend', jobName: 'qwen3-recs', order: ['ml.g6e.12xlarge', 'ml.g6.12xlarge'], inferenceComponents: true,
      jobType: 'inference-recommender', json: true, debug: true, region: 'eu-west-1', profile: 'ml',
    });
  });

  test('--help and --version', () => {
    expect(parseRecommendCommand(['recommend', '--help'])).toEqual({ kind: 'help', text: RECOMMEND_USAGE });
    expect(parseRecommendCommand(['recommend', 'job', '--version'])).toEqual({ kind: 'version' });
  });

  test.each([
    [['recommend'], /missing job name: 'sagemaker-fleet recommend JOB_NAME'/],
    [['recommend', 'a', 'b'], /unexpected argument 'b': one job per call/],
    [['recommend', 'bad_name'], /'bad_name' is not a SageMaker recommendation job name/],
    [['recommend', 'j', '--order', 'g6.12xlarge'], /^--order: InstanceType\.of: .*\(did you mean 'ml\.g6\.12xlarge'\?\), got 'g6\.12xlarge' \[InvalidInstanceType\]$/],
    [['recommend', 'j', '--order', 'ml.g6e.12xlarge,ml.g6.12xlarg'], /^--order: InstanceType\.of: .*, got 'ml\.g6\.12xlarg' \[InvalidInstanceType\]$/],
    [['recommend', 'j', '--order', ','], /--order needs instance types/],
    [['recommend', 'j', '--order', 'ml.g6.12xlarge,ml.g6.12xlarge'], /--order lists ml.g6.12xlarge twice/],
    [['recommend', 'j', '--order', 'ml.g6.xlarge,ml.g6.2xlarge,ml.g6.12xlarge,ml.g6.24xlarge,ml.g6.48xlarge,ml.g5.xlarge'], /--order lists 6 instance types: a variant holds at most 5 pools/],
    [['recommend', 'j', '--job-type', 'legacy'], /--job-type must be one of auto, ai-recommendation, inference-recommender, got 'legacy'/],
    [['recommend', 'j', '--watch'], /Unknown option '--watch'/],
    [['recommend', 'j', '--region', 'nowhere'], /--region 'nowhere' is not an AWS region name/],
  ])('%j is a usage error', (argv, message) => {
    expect(usage(argv)).toMatch(message);
  });
});
