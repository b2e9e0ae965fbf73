import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { seedEndpoint } from '../endpoint/fixtures';
import { testApp, testStack } from '../util';

const cloudwatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
const KEY_WARNING = Match.stringLikeRegexp('alarmTopicKey');
const POLICY_WARNING = Match.stringLikeRegexp('alarmTopicPolicy');

/** The seed endpoint's alarms notifying `topic` (created by `makeTopic` in the same stack). */
function alarmsNotifying(makeTopic: (stack: Stack) => sns.ITopic) {
  const stack = testStack();
  const topic = makeTopic(stack);
  const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
  const alarms = endpoint.addAlarms({ alarmActions: [new actions.SnsAction(topic)] });
  return { stack, topic, alarms, annotations: () => Annotations.fromStack(stack) };
}

function allowCloudWatch(key: kms.Key): kms.Key {
  key.addToResourcePolicy(new iam.PolicyStatement({ principals: [cloudwatch], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }));
  return key;
}

describe('checks of the SNS topics alarms notify', () => {
  test('a topic encrypted with a key whose policy does not allow CloudWatch: warning naming topic and key', () => {
    const { annotations } = alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', { masterKey: new kms.Key(stack, 'OnCallKey') }));
    annotations().hasWarning('/TestStack/Llm/Alarms', Match.stringLikeRegexp(
      '^alarmActions: SNS topic TestStack/OnCall is encrypted with KMS key TestStack/OnCallKey, whose key policy does not let '
      + 'cloudwatch.amazonaws.com use it \\(kms:Decrypt and kms:GenerateDataKey\\*\\), so every notification of these alarms is dropped'));
  });

  test('no key warning when the key policy allows cloudwatch.amazonaws.com (as AWS documents for alarm topics)', () => {
    const { annotations } = alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', { masterKey: allowCloudWatch(new kms.Key(stack, 'OnCallKey')) }));
    annotations().hasNoWarning('*', KEY_WARNING);
  });

  test('a key policy granting only kms:Decrypt is not enough', () => {
    const { annotations } = alarmsNotifying((stack) => {
      const key = new kms.Key(stack, 'OnCallKey');
      key.addToResourcePolicy(new iam.PolicyStatement({ principals: [cloudwatch], actions: ['kms:Decrypt'], resources: ['*'] }));
      return new sns.Topic(stack, 'OnCall', { masterKey: key });
    });
    annotations().hasWarning('/TestStack/Llm/Alarms', KEY_WARNING);
  });

  test('a key behind an alias created in the app is checked too', () => {
    const { annotations } = alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', {
      masterKey: new kms.Alias(stack, 'Alias', { aliasName: 'alias/on-call', targetKey: new kms.Key(stack, 'OnCallKey') }),
    }));
    annotations().hasWarning('/TestStack/Llm/Alarms', KEY_WARNING);
  });

  test('the AWS managed key alias/aws/sns: warning (CloudWatch cannot use it)', () => {
    const { annotations } = alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', { masterKey: kms.Alias.fromAliasName(stack, 'Managed', 'alias/aws/sns') }));
    annotations().hasWarning('/TestStack/Llm/Alarms', Match.stringLikeRegexp('AWS managed key alias/aws/sns, which CloudWatch cannot use'));
  });

  test('a topic policy that only denies (enforceSSL): warning; with an allow for CloudWatch: none', () => {
    const denying = alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', { enforceSSL: true }));
    denying.annotations().hasWarning('/TestStack/Llm/Alarms', Match.stringLikeRegexp(
      '^alarmActions: the policy of SNS topic TestStack/OnCall does not allow cloudwatch.amazonaws.com sns:Publish'));
    const allowing = alarmsNotifying((stack) => {
      const topic = new sns.Topic(stack, 'OnCall', { enforceSSL: true });
      topic.addToResourcePolicy(new iam.PolicyStatement({ principals: [cloudwatch], actions: ['sns:Publish'], resources: [topic.topicArn] }));
      return topic;
    });
    allowing.annotations().hasNoWarning('*', POLICY_WARNING);
  });

  test('nothing to say about an unencrypted topic without a policy, or an imported topic or key', () => {
    alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall')).annotations().hasNoWarning('*', Match.stringLikeRegexp('alarmTopic'));
    alarmsNotifying((stack) => sns.Topic.fromTopicArn(stack, 'OnCall', 'arn:aws:sns:us-east-1:111111111111:on-call'))
      .annotations().hasNoWarning('*', Match.stringLikeRegexp('alarmTopic'));
    alarmsNotifying((stack) => new sns.Topic(stack, 'OnCall', { masterKey: kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:111111111111:key/abc') }))
      .annotations().hasNoWarning('*', Match.stringLikeRegexp('alarmTopic'));
  });

  test('a topic of another stack of the app is checked', () => {
    const app = testApp();
    const env = { account: '111111111111', region: 'us-east-1' };
    const shared = new Stack(app, 'Shared', { env });
    const topic = new sns.Topic(shared, 'OnCall', { masterKey: new kms.Key(shared, 'OnCallKey') });
    const stack = new Stack(app, 'Endpoints', { env });
    seedEndpoint(stack, { endpointName: 'llm' }).addAlarms({ alarmActions: [new actions.SnsAction(topic)] });
    Annotations.fromStack(stack).hasWarning('/Endpoints/Llm/Alarms', Match.stringLikeRegexp('SNS topic Shared/OnCall is encrypted with KMS key Shared/OnCallKey'));
  });

  test('an action added to one alarm after addAlarms() is checked as well', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Late', { masterKey: new kms.Key(stack, 'LateKey') });
    const alarms = seedEndpoint(stack, { endpointName: 'llm' }).addAlarms({ alarmActions: [new actions.SnsAction(new sns.Topic(stack, 'Ok'))] });
    alarms.errorRateAlarms[0].addOkAction(new actions.SnsAction(topic));
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm/Alarms', Match.stringLikeRegexp('SNS topic TestStack/Late is encrypted with KMS key TestStack/LateKey'));
  });
});
