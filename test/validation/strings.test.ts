import { Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { CapacityAwareEndpoint, CaptureMode, ContainerImage, Model, ModelContainer, ModelData } from '../../lib';
import {
  allTypes, badInputTable, bucket, capturing, endpoint, fromKey, icEndpoint, js, lmi, reserved, strToken, takingOver, variant, withShadow, withVariants,
} from './hostile-input';

/** Strings checked against the pattern of the API they end up in, and never widening an IAM grant. */
const dlc = (repository: string, tag = '1.0') => () => ContainerImage.fromDeepLearningContainer(repository, tag);
const uri = (value: string) => () => ContainerImage.fromImageUri(value);
const prefix = (value: string) => (s: any) => ModelData.fromBucketPrefix(bucket(s), value);
const asyncPrefix = (options: object) => (s: any) => endpoint(s, { asyncInference: { outputBucket: bucket(s), ...options } });
const env = (environment: unknown) => () => ModelContainer.fromImage(ContainerImage.fromImageUri('nginx'), { environment: js(environment) });
const tags = (value: unknown) => (s: any) => endpoint(s, { tags: js(value) });
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const many = (n: number, value = 'v') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${i}`, value]));

badInputTable('strings', [
  // ECR repository names and tags of Deep Learning Containers (the repository becomes the pull grant's ARN)
  ["fromDeepLearningContainer('*'): pull on every repository of the account", dlc('*'), 'InvalidImage'],
  ["fromDeepLearningContainer('djl-*'): a wildcard suffix", dlc('djl-*'), 'InvalidImage'],
  ["fromDeepLearningContainer('djl?'): a single-character wildcard", dlc('djl?'), 'InvalidImage'],
  ["fromDeepLearningContainer(''): empty", dlc(''), 'InvalidImage'],
  ["fromDeepLearningContainer('d'): one character", dlc('d'), 'InvalidImage'],
  ["fromDeepLearningContainer('DJL-Inference'): upper case", dlc('DJL-Inference'), 'InvalidImage'],
  ["fromDeepLearningContainer('djl inference'): a space", dlc('djl inference'), 'InvalidImage'],
  ["fromDeepLearningContainer('-djl'): leading hyphen", dlc('-djl'), 'InvalidImage'],
  ["fromDeepLearningContainer('djl-'): trailing hyphen", dlc('djl-'), 'InvalidImage'],
  ["fromDeepLearningContainer('a//b'): empty path segment", dlc('a//b'), 'InvalidImage'],
  ['fromDeepLearningContainer: 257 characters', dlc('r'.repeat(257)), 'InvalidImage'],
  ["fromDeepLearningContainer('djl:latest'): a tag inside the name", dlc('djl:latest'), 'InvalidImage'],
  ['fromDeepLearningContainer(ECR/djl-inference): a registry URI, not a repository name', dlc(`${ECR.replace('123456789012', '763104351884')}/djl-inference`), 'InvalidImage'],
  ['fromDeepLearningContainer(ECR): a registry alone', dlc(ECR), 'InvalidImage'],
  ['fromDeepLearningContainer(a China registry/djl-inference)', dlc('727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/djl-inference'), 'InvalidImage'],
  ["fromDeepLearningContainer('public.ecr.aws/djl'): a public registry", dlc('public.ecr.aws/djl'), 'InvalidImage'],
  ["fromDeepLearningContainer tag '': empty", dlc('djl-inference', ''), 'InvalidImage'],
  ["fromDeepLearningContainer tag ' 1.0': leading space", dlc('djl-inference', ' 1.0'), 'InvalidImage'],
  ["fromDeepLearningContainer tag '.1': leading dot", dlc('djl-inference', '.1'), 'InvalidImage'],
  ["fromDeepLearningContainer tag '-1': leading hyphen", dlc('djl-inference', '-1'), 'InvalidImage'],
  ["fromDeepLearningContainer tag '1.0*': a wildcard", dlc('djl-inference', '1.0*'), 'InvalidImage'],
  ['fromDeepLearningContainer tag of 129 characters', dlc('djl-inference', 't'.repeat(129)), 'InvalidImage'],
  ["fromDeepLearningContainer tag 'sha256:xyz': a malformed digest", dlc('djl-inference', 'sha256:xyz'), 'InvalidImage'],
  ["fromDeepLearningContainer account '76310435188': 11 digits", () => ContainerImage.fromDeepLearningContainer('djl-inference', '1.0', { account: '76310435188' }), 'InvalidImage'],
  ["fromDeepLearningContainer account '*': a wildcard account", () => ContainerImage.fromDeepLearningContainer('djl-inference', '1.0', { account: '*' }), 'InvalidImage'],
  ["fromEcrRepository tag 'v 1': a space", (s) => ContainerImage.fromEcrRepository(new ecr.Repository(s, 'R'), 'v 1'), 'InvalidImage'],
  // image URIs
  ["fromImageUri(''): empty", uri(''), 'InvalidImage'],
  ["fromImageUri(' '): whitespace only", uri(' '), 'InvalidImage'],
  ["fromImageUri('nginx :latest'): a space", uri('nginx :latest'), 'InvalidImage'],
  ["fromImageUri('nginx\\t'): a tab", uri('nginx\t'), 'InvalidImage'],
  ["fromImageUri('nginx:lätest'): non-ASCII", uri('nginx:lätest'), 'InvalidImage'],
  ['fromImageUri: 256 characters', uri(`nginx:${'t'.repeat(250)}`), 'InvalidImage'],
  ["fromImageUri('nginx:*'): a wildcard", uri('nginx:*'), 'InvalidImage'],
  ['fromImageUri(ECR/*): pull on every repository', uri(`${ECR}/*`), 'InvalidImage'],
  ['fromImageUri(ECR/llm?): a single-character wildcard', uri(`${ECR}/llm?`), 'InvalidImage'],
  ['fromImageUri(ECR/Llm): an upper-case ECR repository', uri(`${ECR}/Llm:v1`), 'InvalidImage'],
  ['fromImageUri with an 11-digit ECR account', uri('12345678901.dkr.ecr.us-east-1.amazonaws.com/llm:v1'), 'InvalidImage'],
  ['fromImageUri(ECR/llm:.v1): a malformed tag', uri(`${ECR}/llm:.v1`), 'InvalidImage'],
  ['fromImageUri(ECR/llm@sha256:short): a malformed digest', uri(`${ECR}/llm@sha256:abc`), 'InvalidImage'],
  ['fromImageUri(ECR without a repository)', uri(`${ECR}/`), 'InvalidImage'],
  // S3 keys and prefixes (they become the read grant's resource)
  ["ModelData.fromBucket(bucket, '*'): s3:GetObject on every object", (s) => fromKey(s, '*'), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, 'models/*')", (s) => fromKey(s, 'models/*'), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, 'model?.tar.gz')", (s) => fromKey(s, 'model?.tar.gz'), 'InvalidS3Location'],
  ['ModelData.fromBucket with a token key ending in *', (s) => fromKey(s, `${strToken('Key')}*`), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, ''): empty", (s) => fromKey(s, ''), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, '/model.tar.gz'): leading slash", (s) => fromKey(s, '/model.tar.gz'), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, 'models/'): a prefix, not a key", (s) => fromKey(s, 'models/'), 'InvalidS3Location'],
  ['ModelData.fromBucket: a key of 1025 bytes', (s) => fromKey(s, 'k'.repeat(1025)), 'InvalidS3Location'],
  ['ModelData.fromBucket: a key of 513 two-byte characters (1026 bytes)', (s) => fromKey(s, 'é'.repeat(513)), 'InvalidS3Location'],
  ['ModelData.fromBucket: a control character', (s) => fromKey(s, 'model\u0000.tar.gz'), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, 's3://artifacts/model.tar.gz'): an S3 URI, not a key", (s) => fromKey(s, 's3://artifacts/model.tar.gz'), 'InvalidS3Location'],
  ["ModelData.fromBucket(bucket, 'S3://artifacts/model.tar.gz'): an S3 URI in capitals", (s) => fromKey(s, 'S3://artifacts/model.tar.gz'), 'InvalidS3Location'],
  ["ModelData.fromBucketPrefix(bucket, 's3://artifacts/llm/v1/'): an S3 URI, not a prefix", prefix('s3://artifacts/llm/v1/'), 'InvalidS3Location'],
  ["ModelData.fromBucketPrefix(bucket, 's3://artifacts/llm'): an S3 URI without a trailing slash", prefix('s3://artifacts/llm'), 'InvalidS3Location'],
  ["asyncInference.outputPrefix 's3://results/out/': an S3 URI", asyncPrefix({ outputPrefix: 's3://results/out/' }), 'InvalidAsyncConfig'],
  ["ModelData.fromBucketPrefix(bucket, 'llm/*/')", prefix('llm/*/'), 'InvalidS3Location'],
  ["ModelData.fromBucketPrefix(bucket, '*/')", prefix('*/'), 'InvalidS3Location'],
  ["ModelData.fromBucketPrefix(bucket, '/llm/'): leading slash", prefix('/llm/'), 'InvalidS3Location'],
  ["ModelData.fromBucketPrefix(bucket, 'llm'): no trailing slash", prefix('llm'), 'InvalidModelContainer'],
  ['ModelData.fromBucketPrefix: 1025 bytes', prefix(`${'p'.repeat(1024)}/`), 'InvalidS3Location'],
  ["asyncInference.outputPrefix 'out/*/': s3:PutObject on other prefixes", asyncPrefix({ outputPrefix: 'out/*/' }), 'InvalidAsyncConfig'],
  ["asyncInference.failurePrefix 'fail?/'", asyncPrefix({ failurePrefix: 'fail?/' }), 'InvalidAsyncConfig'],
  ["asyncInference.outputPrefix 'out': no trailing slash", asyncPrefix({ outputPrefix: 'out' }), 'InvalidAsyncConfig'],
  ["asyncInference.outputPrefix '/out/': leading slash", asyncPrefix({ outputPrefix: '/out/' }), 'InvalidAsyncConfig'],
  ['asyncInference.outputPrefix 42: not a string', asyncPrefix({ outputPrefix: 42 }), 'InvalidAsyncConfig'],
  // environment
  ["environment key '1-BAD KEY'", env({ '1-BAD KEY': 'x' }), 'InvalidModelContainer'],
  ["environment key '1ABC': leading digit", env({ '1ABC': 'x' }), 'InvalidModelContainer'],
  ["environment key 'A-B': a hyphen", env({ 'A-B': 'x' }), 'InvalidModelContainer'],
  ["environment key 'A B': a space", env({ 'A B': 'x' }), 'InvalidModelContainer'],
  ["environment key '': empty", env({ '': 'x' }), 'InvalidModelContainer'],
  ["environment key 'ÉTAT': non-ASCII", env({ ÉTAT: 'x' }), 'InvalidModelContainer'],
  ['environment key of 1025 characters', env({ ['K'.repeat(1025)]: 'x' }), 'InvalidModelContainer'],
  ['environment value 42: a number from JavaScript', env({ PORT: 42 }), 'InvalidModelContainer'],
  ['environment value null', env({ PORT: null }), 'InvalidModelContainer'],
  ['environment value of 1025 characters', env({ BIG: 'x'.repeat(1025) }), 'InvalidModelContainer'],
  ['environment of 101 variables', env(many(101)), 'InvalidModelContainer'],
  ['environment of 40 variables of 1000 characters (over 32 KB)', env(many(40, 'x'.repeat(1000))), 'InvalidModelContainer'],
  ["environment ['A=1']: an array", env(['A=1']), 'InvalidModelContainer'],
  ['fromModelPackage environment key with a space', () => ModelContainer.fromModelPackage('pkg', { environment: { 'A B': 'x' } }), 'InvalidModelContainer'],
  // dashboard names
  ["dashboardName 'my dashboard': a space", (s) => endpoint(s).addDashboard('D', { dashboardName: 'my dashboard' }), 'InvalidName'],
  ["dashboardName 'dash/1': a slash", (s) => endpoint(s).addDashboard('D', { dashboardName: 'dash/1' }), 'InvalidName'],
  ["dashboardName 'dash.board': a dot", (s) => endpoint(s).addDashboard('D', { dashboardName: 'dash.board' }), 'InvalidName'],
  ["dashboardName '': empty", (s) => endpoint(s).addDashboard('D', { dashboardName: '' }), 'InvalidName'],
  ['dashboardName of 256 characters', (s) => endpoint(s).addDashboard('D', { dashboardName: 'd'.repeat(256) }), 'InvalidName'],
  // tags
  ["tag key 'aws:owner': reserved by AWS", tags({ 'aws:owner': 'me' }), 'InvalidTag'],
  ["tag key 'AWS:Owner': reserved in any case", tags({ 'AWS:Owner': 'me' }), 'InvalidTag'],
  ['tag key of 129 characters', tags({ ['k'.repeat(129)]: 'v' }), 'InvalidTag'],
  ['tag value of 257 characters', tags({ team: 'v'.repeat(257) }), 'InvalidTag'],
  ["tag key '': empty", tags({ '': 'v' }), 'InvalidTag'],
  ["tag key 'cost#center': a character tags do not take", tags({ 'cost#center': 'v' }), 'InvalidTag'],
  ["tag value 'a\\nb': a newline", tags({ team: 'a\nb' }), 'InvalidTag'],
  ['tag value 42: a number from JavaScript', tags({ team: 42 }), 'InvalidTag'],
  ['51 tags', tags(many(51)), 'InvalidTag'],
  ["tags ['team=ml']: an array", tags(['team=ml']), 'InvalidTag'],
  ["inference component tag 'aws:x'", (s) => icEndpoint(s).addInferenceComponent('C', { specification: allTypes(s), tags: { 'aws:x': 'y' } }), 'InvalidTag'],
  ["inference-component endpoint tag key 'aws:x'", (s) => icEndpoint(s, { tags: { 'aws:x': 'y' } }), 'InvalidTag'],
  // SageMaker and CloudWatch names
  ["modelName 'my_model'", (s) => lmi(s, 'M', { modelName: 'my_model' }), 'InvalidName'],
  ['modelName of 64 characters', (s) => lmi(s, 'M', { modelName: 'm'.repeat(64) }), 'InvalidName'],
  ["Model.fromModelName(scope, id, '-m')", (s) => Model.fromModelName(s, 'I', '-m'), 'InvalidName'],
  ["endpointName 'llm prod'", (s) => endpoint(s, { endpointName: 'llm prod' }), 'InvalidName'],
  ["endpointName 'llm-'", (s) => endpoint(s, { endpointName: 'llm-' }), 'InvalidName'],
  ["variantName 'all_traffic'", (s) => endpoint(s, { variantName: 'all_traffic' }), 'InvalidName'],
  ['endpointName 42: a number from JavaScript', (s) => endpoint(s, { endpointName: js(42) }), 'InvalidName'],
  ["imported endpoint variantName 'a b'", (s) => CapacityAwareEndpoint.fromEndpointAttributes(s, 'I', { endpointName: 'e', variantName: 'a b', pools: [] }), 'InvalidName'],
  ["inferenceComponentName 'ic_1'", (s) => icEndpoint(s).addInferenceComponent('C', { specification: allTypes(s), inferenceComponentName: 'ic_1' }), 'InvalidName'],
  ["alarmNamePrefix 'my prefix'", (s) => endpoint(s).addAlarms({ alarmNamePrefix: 'my prefix' }), 'InvalidName'],
  ["alarmNamePrefix '*'", (s) => endpoint(s).addAlarms({ alarmNamePrefix: '*' }), 'InvalidName'],
  // model packages
  ["fromModelPackage(''): empty", () => ModelContainer.fromModelPackage(''), 'InvalidModelContainer'],
  ["fromModelPackage('my package'): a space", () => ModelContainer.fromModelPackage('my package'), 'InvalidModelContainer'],
  ["fromModelPackage('pkg-'): trailing hyphen", () => ModelContainer.fromModelPackage('pkg-'), 'InvalidModelContainer'],
  ['fromModelPackage with a 3-digit account in the ARN', () => ModelContainer.fromModelPackage('arn:aws:sagemaker:us-east-1:123:model-package/pkg/1'), 'InvalidModelContainer'],
  ["fromModelPackage('pkg/*'): a wildcard version", () => ModelContainer.fromModelPackage('pkg/*'), 'InvalidModelContainer'],
  ["inferenceSpecificationName 'g6 build'", () => ModelContainer.fromModelPackage('pkg', { inferenceSpecificationName: 'g6 build' }), 'InvalidModelContainer'],
]);

/** The newest surface: variant names, reservation ARNs, capture prefixes and content types, logical IDs, variant look-ups. */
const arn = (value: string) => reserved({ mlReservationArn: value });
const ARN_OF = (region: string, name = 'p5-plan', partition = 'aws') => `arn:${partition}:sagemaker:${region}:111111111111:ml-reservation/${name}`;
const prefixed = (value: unknown) => capturing({ prefix: value });
const logicalId = (value: unknown) => takingOver({ endpointLogicalId: value });
const lookUp = (name: string) => (s: any) => endpoint(s, { variants: [variant(s)] }).variant(name);

badInputTable('strings of variants, reservations, data capture and takeovers', [
  ["variants[0].variantName: 'a b'", withVariants({ variantName: 'a b' }), 'InvalidName'],
  ["variants[0].variantName: ''", withVariants({ variantName: '' }), 'InvalidName'],
  ["variants[0].variantName: 'variant_b'", withVariants({ variantName: 'variant_b' }), 'InvalidName'],
  ['variants[0].variantName of 64 characters', withVariants({ variantName: 'v'.repeat(64) }), 'InvalidName'],
  ['variants[0].variantName of 10,000 characters', withVariants({ variantName: 'v'.repeat(10_000) }), 'InvalidName'],
  ["variants[0].variantName: 'Kandidat-ä' (non-ASCII)", withVariants({ variantName: 'Kandidat-ä' }), 'InvalidName'],
  ["variants[0].variantName: '*'", withVariants({ variantName: '*' }), 'InvalidName'],
  ["shadowVariants[0].variantName: 'Shadow?'", withShadow({ variantName: 'Shadow?' }), 'InvalidName'],
  ['variants[0].variantName: 42, a number from JavaScript', withVariants({ variantName: 42 }), 'InvalidName'],
  ['a reservation ARN of another partition (aws-cn in us-east-1)', arn(ARN_OF('cn-north-1', 'p5-plan', 'aws-cn')), 'InvalidCapacityReservation'],
  ['a reservation ARN of GovCloud (aws-us-gov in us-east-1)', arn(ARN_OF('us-gov-west-1', 'p5-plan', 'aws-us-gov')), 'InvalidCapacityReservation'],
  ['a reservation ARN of another region (eu-west-1 in us-east-1)', arn(ARN_OF('eu-west-1')), 'InvalidCapacityReservation'],
  ["a reservation ARN ending in '*'", arn(ARN_OF('us-east-1', '*')), 'InvalidCapacityReservation'],
  ["a reservation ARN with '?'", arn(ARN_OF('us-east-1', 'p5-plan?')), 'InvalidCapacityReservation'],
  ['a reservation ARN with a space', arn(ARN_OF('us-east-1', 'p5 plan')), 'InvalidCapacityReservation'],
  ['a reservation ARN with a tab', arn(ARN_OF('us-east-1', 'p5\tplan')), 'InvalidCapacityReservation'],
  ["a reservation ARN with non-ASCII characters ('plän')", arn(ARN_OF('us-east-1', 'plän')), 'InvalidCapacityReservation'],
  ['a reservation ARN of 10,000 characters', arn(ARN_OF('us-east-1', 'x'.repeat(10_000))), 'InvalidCapacityReservation'],
  ['an EC2 capacity reservation ARN', arn('arn:aws:ec2:us-east-1:111111111111:capacity-reservation/cr-0123'), 'InvalidCapacityReservation'],
  ["a reservation ARN ''", arn(''), 'InvalidCapacityReservation'],
  ['a variant\'s reservation ARN of another region', withVariants({ capacityReservation: { mlReservationArn: ARN_OF('us-west-2') } }), 'InvalidCapacityReservation'],
  ["dataCapture.prefix 'capture/*/': s3:PutObject on other prefixes (once accepted)", prefixed('capture/*/'), 'InvalidS3Location'],
  ["dataCapture.prefix 'c?/' (once accepted)", prefixed('c?/'), 'InvalidS3Location'],
  ["dataCapture.prefix ''", prefixed(''), 'InvalidS3Location'],
  ["dataCapture.prefix '/capture/': leading slash", prefixed('/capture/'), 'InvalidS3Location'],
  ["dataCapture.prefix 'capture': no trailing slash", prefixed('capture'), 'InvalidS3Location'],
  ['dataCapture.prefix with a control character (once accepted)', prefixed('cap\u0001/'), 'InvalidS3Location'],
  ['dataCapture.prefix of 10,000 characters', prefixed(`${'p'.repeat(10_000)}/`), 'InvalidS3Location'],
  ['dataCapture.prefix of 444 characters (the 512-character URI)', prefixed(`${'p'.repeat(443)}/`), 'InvalidS3Location'],
  ['dataCapture.prefix 42, a number (once a TypeError)', prefixed(42), 'InvalidS3Location'],
  ["a token dataCapture.prefix followed by '*/'", prefixed(`${strToken('P')}*/`), 'InvalidS3Location'],
  ["dataCapture.jsonContentTypes ['application']", capturing({ jsonContentTypes: ['application'] }), 'InvalidDataCapture'],
  ["dataCapture.csvContentTypes ['text/ csv']: a space", capturing({ csvContentTypes: ['text/ csv'] }), 'InvalidDataCapture'],
  ['dataCapture.csvContentTypes [42]', capturing({ csvContentTypes: [42] }), 'InvalidDataCapture'],
  ['eleven dataCapture.jsonContentTypes', capturing({ jsonContentTypes: Array.from({ length: 11 }, (_, i) => `application/x${i}`) }), 'InvalidDataCapture'],
  ['dataCapture.captureModes []', capturing({ captureModes: [] }), 'InvalidDataCapture'],
  ['dataCapture.captureModes [INPUT, INPUT]', capturing({ captureModes: [CaptureMode.INPUT, CaptureMode.INPUT] }), 'InvalidDataCapture'],
  ["existingEndpoint.endpointLogicalId 'my-endpoint'", logicalId('my-endpoint'), 'InvalidLogicalId'],
  ["existingEndpoint.endpointLogicalId ''", logicalId(''), 'InvalidLogicalId'],
  ['existingEndpoint.endpointLogicalId 42', logicalId(42), 'InvalidLogicalId'],
  ['existingEndpoint.endpointLogicalId of 256 characters', logicalId('E'.repeat(256)), 'InvalidLogicalId'],
  ["existingEndpoint.endpointLogicalId 'Endpoint*'", logicalId('Endpoint*'), 'InvalidLogicalId'],
  ["existingEndpoint.endpointLogicalId 'Éndpoint' (non-ASCII)", logicalId('Éndpoint'), 'InvalidLogicalId'],
  ["existingEndpoint.scalableTargetLogicalId 'Scalable Target'", takingOver({ endpointLogicalId: 'E', scalableTargetLogicalId: 'Scalable Target' }), 'InvalidLogicalId'],
  ["endpoint.variant('b'): the name of variant 'B' in another case", lookUp('b'), 'UnknownVariant'],
  ["endpoint.variant('Variants'): the construct that holds the variants", lookUp('Variants'), 'UnknownVariant'],
  ["endpoint.variant('')", lookUp(''), 'UnknownVariant'],
  ['endpoint.variant(42)', lookUp(js(42)), 'UnknownVariant'],
]);

test('a token string is never rejected by a pattern, only by the wildcards of its literal parts', () => {
  expect(() => ContainerImage.fromImageUri(Token.asString({ Ref: 'Image' }))).not.toThrow();
  expect(() => ContainerImage.fromDeepLearningContainer(strToken('Repo'), strToken('Tag'))).not.toThrow();
});
