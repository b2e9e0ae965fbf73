import { Aws, CfnMapping, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContainerImage } from '../../../lib';

/** The scikit-learn serving image the tiny model runs on: CPU only, small, no GPU driver, no Docker build. */
const REPOSITORY = 'sagemaker-scikit-learn';
const TAG = '1.2-1-cpu-py3';

/**
 * The AWS account that hosts the SageMaker scikit-learn images in each region: not the Deep Learning Container
 * account, and different in almost every region. From the SageMaker Python SDK's image URI table
 * (`image_uri_config/sklearn.json`, version 1.2-1, commercial, China and GovCloud (US) regions):
 * https://github.com/aws/sagemaker-python-sdk/blob/master/src/sagemaker/image_uri_config/sklearn.json
 */
const REGISTRY_ACCOUNTS: { readonly [region: string]: string } = {
  'af-south-1': '510948584623',
  'ap-east-1': '651117190479',
  'ap-northeast-1': '354813040037',
  'ap-northeast-2': '366743142698',
  'ap-northeast-3': '867004704886',
  'ap-south-1': '720646828776',
  'ap-south-2': '628508329040',
  'ap-southeast-1': '121021644041',
  'ap-southeast-2': '783357654285',
  'ap-southeast-3': '951798379941',
  'ap-southeast-4': '106583098589',
  'ca-central-1': '341280168497',
  'cn-north-1': '450853457545',
  'cn-northwest-1': '451049120500',
  'eu-central-1': '492215442770',
  'eu-central-2': '680994064768',
  'eu-north-1': '662702820516',
  'eu-south-1': '978288397137',
  'eu-south-2': '104374241257',
  'eu-west-1': '141502667606',
  'eu-west-2': '764974769150',
  'eu-west-3': '659782779980',
  'me-central-1': '272398656194',
  'me-south-1': '801668240914',
  'sa-east-1': '737474898029',
  'us-east-1': '683313688378',
  'us-east-2': '257758044811',
  'us-gov-east-1': '237065988967',
  'us-gov-west-1': '414596584902',
  'us-west-1': '746614075791',
  'us-west-2': '246618743249',
};

/**
 * The scikit-learn serving image of the region the stack deploys to. The integration stacks are
 * environment-agnostic, so the account comes from a `CfnMapping` (`ScikitLearnRegistry`, one per stack) that
 * CloudFormation resolves at deploy time; a region missing from it fails the deployment before anything is created.
 * The framework images live in AWS-owned per-region registries just like the Deep Learning Containers, so
 * `fromDeepLearningContainer` with that `account` builds the URI and grants the pull of exactly this repository.
 */
export function scikitLearnImage(scope: Construct): ContainerImage {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('ScikitLearnRegistry');
  const mapping = existing instanceof CfnMapping ? existing : new CfnMapping(stack, 'ScikitLearnRegistry', {
    mapping: Object.fromEntries(Object.entries(REGISTRY_ACCOUNTS).map(([region, account]) => [region, { account }])),
  });
  return ContainerImage.fromDeepLearningContainer(REPOSITORY, TAG, { account: mapping.findInMap(Aws.REGION, 'account') });
}
