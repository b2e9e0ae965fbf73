import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { buildExampleApp } from '../../bin/example-stacks';
import { acknowledgeNagFindings } from '../../bin/nag-acknowledgements';
import { CapacityAwareEndpoint, ContainerImage, InstanceType, Model, ModelContainer } from '../../lib';
import { FEATURE_FLAGS, testApp } from '../util';

/** The four cdk-nag 3 packs the library is checked against. */
function nagPacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new HIPAASecurityChecks(), new NIST80053R5Checks(), new PCIDSS321Checks()];
}

interface Finding { readonly rule: string; readonly path: string }

/** Every finding of every pack on `scope`, acknowledged ones left out unless `includeAcknowledged`. */
function nagFindings(scope: IConstruct, options: { includeAcknowledged?: boolean } = {}): Finding[] {
  return nagPacks().flatMap((pack) => {
    if (options.includeAcknowledged) {
      // cdk-nag 3.0.2 filters acknowledged findings in its private isAcknowledged(); switch it off to see them all.
      (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    }
    return pack.validateScope(scope).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({ rule: violation.ruleName, path: resource.constructPath ?? '?' })));
  });
}

/** Every acknowledgement recorded in the tree: rule id, the construct it sits on, and the reason. */
function acknowledgements(scope: IConstruct): { id: string; path: string; reason: string }[] {
  return scope.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as { [id: string]: string }).map(([id, reason]) => ({
      id: id.replace(/^annotation::/i, ''), path: construct.node.path, reason,
    }))));
}

/**
 * An app with the example app's feature flags. The built-in CloudFormation validation is checked by
 * example-stacks.test.ts; it is off here because loading it costs about 10 s per test file.
 */
function newApp(): App {
  return testApp({ context: FEATURE_FLAGS });
}

// The example app, and every finding on it acknowledged or not; the packs only read the tree, so every test below shares them.
const app = newApp();
buildExampleApp(app);
const raw = nagFindings(app, { includeAcknowledged: true });

describe('cdk-nag 3 on the example stacks', () => {
  test('no unacknowledged finding in AwsSolutions, HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1', () => {
    expect(nagFindings(app).map((f) => `${f.rule} at ${f.path}`)).toEqual([]);
  });

  test('the packs really check our resources: without acknowledgements they report findings', () => {
    expect(raw).toEqual(expect.arrayContaining([
      { rule: 'AwsSolutions-IAM5[Resource::*]', path: 'LlmEndpoint/LlmFp16/Role/DefaultPolicy/Resource' },
    ]));
  });

  test('every acknowledgement sits on the resource it matches, with the exact rule id (none is stale or broad)', () => {
    const unmatched = acknowledgements(app).filter((ack) => !raw.some((f) => f.rule === ack.id && f.path === ack.path));
    expect(unmatched.map((ack) => `${ack.id} at ${ack.path}`)).toEqual([]);
    expect(acknowledgements(app).length).toBeGreaterThan(0);
  });

  test('every acknowledgement carries a reason a reviewer can check', () => {
    const weak = acknowledgements(app).filter((ack) => ack.reason.length < 120);
    expect(weak.map((ack) => `${ack.id} at ${ack.path}: ${ack.reason}`)).toEqual([]);
  });

  test('through the Validations API (as users wire it), synthesis passes', () => {
    const withPlugins = newApp();
    Validations.of(withPlugins).addPlugins(...nagPacks());
    buildExampleApp(withPlugins);
    expect(() => withPlugins.synth()).not.toThrow();
  });
});

describe('the endpoint configs carry a KMS key (no acknowledgement needed)', () => {
  function endpointOn(instanceType: InstanceType, withKey: boolean): Stack {
    const stack = new Stack(newApp(), 'Ep');
    const image = ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129');
    const model = new Model(stack, 'Model', { container: ModelContainer.fromImage(image) });
    new CapacityAwareEndpoint(stack, 'Endpoint', {
      model, pools: [{ instanceType }], encryptionKey: withKey ? new kms.Key(stack, 'Key', { enableKeyRotation: true }) : undefined,
    });
    return acknowledgeNagFindings(stack);
  }
  const kmsRule = 'HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured';

  test('none of the example endpoint configs lacks a key', () => {
    expect(raw.filter((f) => f.rule.endsWith('SageMakerEndpointConfigurationKMSKeyConfigured'))).toEqual([]);
  });

  test('a missing KMS key is a finding, local NVMe storage or not (the key is accepted next to it)', () => {
    expect(nagFindings(endpointOn(InstanceType.ML_M5_XLARGE, false))).toContainEqual({ rule: kmsRule, path: 'Ep/Endpoint/EndpointConfig' });
    expect(nagFindings(endpointOn(InstanceType.ML_G5_XLARGE, false))).toContainEqual({ rule: kmsRule, path: 'Ep/Endpoint/EndpointConfig' });
    expect(nagFindings(endpointOn(InstanceType.ML_G5_XLARGE, true)).filter((f) => f.rule === kmsRule)).toEqual([]);
  });

  test('through the Validations API, an unacknowledged finding fails synthesis', () => {
    const stack = endpointOn(InstanceType.ML_G5_XLARGE, false);
    Validations.of(stack.node.root).addPlugins(new HIPAASecurityChecks());
    expect(() => (stack.node.root as App).synth()).toThrow(/SageMakerEndpointConfigurationKMSKeyConfigured/);
  });
});
