import { Annotations, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { runAtSynthesis } from '../core/synthesis-hook';

/**
 * CloudWatch publishes alarm notifications to an SNS topic as the `cloudwatch.amazonaws.com` service principal.
 * - An encrypted topic needs a customer managed key whose key policy lets that principal use `kms:Decrypt` and
 *   `kms:GenerateDataKey*`; the AWS managed key `alias/aws/sns` cannot be used
 *   (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns,
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
 * - A topic policy replaces the topic's default policy, so it must allow that principal `sns:Publish`
 *   (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
 * Otherwise every notification is dropped, silently. These checks warn where it can be known at synth time: a topic
 * created in the app (`sns.Topic`) with a key created in the app (or `alias/aws/sns`), and the topic's own policy.
 * Imported topics and keys are not checked.
 */

const CLOUDWATCH = 'cloudwatch.amazonaws.com';
const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'];

interface Watched {
  readonly scope: IConstruct;
  readonly alarms: () => cloudwatch.Alarm[];
}

const watchedByRoot = new WeakMap<IConstruct, Watched[]>();

/**
 * Checks, once at synthesis, the SNS topics that the actions of `alarms()` (alarm, OK and insufficient-data actions)
 * publish to, and warns on `scope`. One check per app, which indexes the app's topics once.
 */
export function checkAlarmTopics(scope: IConstruct, alarms: () => cloudwatch.Alarm[]): void {
  const root = scope.node.root;
  let watched = watchedByRoot.get(root);
  if (!watched) {
    watched = [];
    watchedByRoot.set(root, watched);
    const all = watched;
    runAtSynthesis(scope, () => checkTopics(root, all));
  }
  watched.push({ scope, alarms });
}

function checkTopics(root: IConstruct, watched: Watched[]): void {
  // The app's topics first: an app without one has nothing to warn about, and its alarm actions need no resolving.
  const topics = topicsByArn(root);
  if (topics.size === 0) return;
  for (const { scope, alarms } of watched) {
    const targets = new Set<sns.Topic>();
    for (const alarm of alarms()) {
      for (const arn of actionArns(alarm)) {
        const topic = pick(topics.get(arn) ?? [], Stack.of(alarm));
        if (topic) targets.add(topic);
      }
    }
    targets.forEach((topic) => warnAboutTopic(scope, topic));
  }
}

/**
 * The alarm's action ARNs, resolved (the alarm renders them through a lazy list): `{"Ref":"<topic logical ID>"}` for
 * a topic of the app, whichever stack it is in (references across stacks are rewritten later, in the prepare phase).
 */
function actionArns(alarm: cloudwatch.Alarm): string[] {
  const cfn = alarm.node.defaultChild as cloudwatch.CfnAlarm;
  const stack = Stack.of(cfn);
  return [cfn.alarmActions, cfn.okActions, cfn.insufficientDataActions]
    .flatMap((arns) => [].concat(stack.resolve(arns) ?? []))
    .map((arn) => JSON.stringify(arn));
}

/** The app's topics by their resolved ARN. Two stacks may hold topics of the same logical ID: both are kept. */
function topicsByArn(root: IConstruct): Map<string, sns.Topic[]> {
  const topics = new Map<string, sns.Topic[]>();
  for (const construct of root.node.findAll()) {
    if (!(construct instanceof sns.Topic)) continue;
    const arn = JSON.stringify(Stack.of(construct).resolve(construct.topicArn));
    topics.set(arn, [...(topics.get(arn) ?? []), construct]);
  }
  return topics;
}

/** The topic of the alarm's own stack, else the only candidate; none when ambiguous. */
function pick(candidates: sns.Topic[], stack: Stack): sns.Topic | undefined {
  return candidates.find((topic) => Stack.of(topic) === stack) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

function warnAboutTopic(scope: IConstruct, topic: sns.Topic): void {
  const key = topic.masterKey;
  if (key && isAwsManagedSnsKey(key)) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:alarmTopicKey',
      `alarmActions: SNS topic ${topic.node.path} is encrypted with the AWS managed key alias/aws/sns, which CloudWatch cannot use, so every `
      + 'notification of these alarms is dropped. Encrypt the topic with a customer managed key whose key policy allows '
      + `${CLOUDWATCH} kms:Decrypt and kms:GenerateDataKey*.`);
  }
  const keyPolicy = key ? ownKeyPolicy(key) : undefined;
  if (key && keyPolicy && !allows(keyPolicy, KEY_ACTIONS)) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:alarmTopicKey',
      `alarmActions: SNS topic ${topic.node.path} is encrypted with KMS key ${key.node.path}, whose key policy does not let ${CLOUDWATCH} use it `
      + '(kms:Decrypt and kms:GenerateDataKey*), so every notification of these alarms is dropped. Add a key policy statement for the '
      + `${CLOUDWATCH} service principal with those actions.`);
  }
  const topicPolicy = topic.node.tryFindChild('Policy');
  if (topicPolicy instanceof sns.TopicPolicy && !allows(statementsOf(topicPolicy, topicPolicy.document), ['sns:Publish'])) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:alarmTopicPolicy',
      `alarmActions: the policy of SNS topic ${topic.node.path} does not allow ${CLOUDWATCH} sns:Publish; a topic policy replaces the default `
      + `one, so every notification of these alarms is dropped. Add a statement allowing ${CLOUDWATCH} sns:Publish (for example with `
      + 'topic.addToResourcePolicy, conditioned on aws:SourceAccount).');
  }
}

function isAwsManagedSnsKey(key: kms.IKey): boolean {
  return (key as Partial<kms.IAlias>).aliasName === 'alias/aws/sns';
}

/** The key policy statements of a key created in the app (directly or behind an alias), else undefined. */
function ownKeyPolicy(key: kms.IKey): unknown[] | undefined {
  const target = key instanceof kms.Alias ? key.aliasTargetKey : key;
  if (!(target instanceof kms.Key)) return undefined;
  const cfn = target.node.defaultChild as kms.CfnKey;
  return statementsOf(cfn, cfn.keyPolicy);
}

function statementsOf(scope: IConstruct, document: unknown): unknown[] {
  const resolved = Stack.of(scope).resolve(document) as { Statement?: unknown[] } | undefined;
  return resolved?.Statement ?? [];
}

/** Whether Allow statements of `statements` give the CloudWatch service principal every action of `required`. */
function allows(statements: unknown[], required: string[]): boolean {
  const granted = statements
    .filter((s: any) => s?.Effect === 'Allow' && cloudWatchMayUse(s.Principal))
    .flatMap((s: any) => ([] as unknown[]).concat(s.Action ?? []))
    .filter((action): action is string => typeof action === 'string');
  return required.every((action) => granted.some((pattern) => globMatches(pattern, action)));
}

function cloudWatchMayUse(principal: any): boolean {
  if (principal === '*') return true;
  const values = (key: string) => ([] as unknown[]).concat(principal?.[key] ?? []);
  return values('Service').includes(CLOUDWATCH) || values('AWS').includes('*');
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
function globMatches(pattern: string, action: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}
