import { CfnTemplate, IntrinsicResolver, isPlaceholder } from '../../../../bin/fleet/preflight/template/intrinsics';

const TEMPLATE: CfnTemplate = {
  Parameters: { MaxInstances: { Default: '12' }, Stage: { Default: 'prod' }, NoDefault: {} },
  Resources: {
    Llm: { Type: 'AWS::SageMaker::Endpoint', Properties: {} },
    Named: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: 'fixed-name' } },
    Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { EndpointConfigName: 'fixed-config' } },
  },
};
const resolver = new IntrinsicResolver(TEMPLATE);
const str = (value: unknown) => resolver.resolveString(value, 'X');
const num = (value: unknown) => resolver.resolveNumber(value, 'X');

describe('IntrinsicResolver', () => {
  test.each([
    ['a literal', 'AllTraffic', 'AllTraffic'],
    ['a number as a string', 10, '10'],
    ['Ref to a parameter with a Default', { Ref: 'Stage' }, 'prod'],
    ['Ref to a resource: a placeholder', { Ref: 'Llm' }, '{{Llm}}'],
    ['GetAtt of a generated name: a placeholder', { 'Fn::GetAtt': ['Llm', 'EndpointName'] }, '{{Llm.EndpointName}}'],
    ['GetAtt of a name the template fixes: the name', { 'Fn::GetAtt': ['Named', 'EndpointName'] }, 'fixed-name'],
    ['GetAtt in its string form', { 'Fn::GetAtt': 'Config.EndpointConfigName' }, 'fixed-config'],
    ['GetAtt of another attribute', { 'Fn::GetAtt': ['Named', 'Arn'] }, '{{Named.Arn}}'],
    ['Fn::Join', { 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': ['Llm', 'EndpointName'] }, '/variant/AllTraffic']] }, 'endpoint/{{Llm.EndpointName}}/variant/AllTraffic'],
    ['Fn::Join with a delimiter and a parameter', { 'Fn::Join': ['-', ['llm', { Ref: 'Stage' }]] }, 'llm-prod'],
    ['Fn::Sub', { 'Fn::Sub': 'endpoint/${Llm.EndpointName}/variant/${Stage}' }, 'endpoint/{{Llm.EndpointName}}/variant/prod'],
    ['Fn::Sub with variables and an escaped literal', { 'Fn::Sub': ['${Name}-${!Literal}', { Name: { Ref: 'Stage' } }] }, 'prod-${Literal}'],
  ])('%s', (_, value, expected) => {
    expect(str(value)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['Fn::ImportValue', { 'Fn::ImportValue': 'shared-endpoint' }, 'X uses Fn::ImportValue, which this tool does not resolve'],
    ['Fn::If', { 'Fn::If': ['IsProd', 10, 2] }, 'X uses Fn::If, which this tool does not resolve'],
    ['a pseudo parameter', { Ref: 'AWS::Region' }, 'X uses the pseudo parameter AWS::Region, known only at deploy time'],
    ['a parameter without a Default', { Ref: 'NoDefault' }, 'X refers to parameter NoDefault, which has no Default'],
    ['an unknown name', { Ref: 'Ghost' }, 'X refers to Ghost, which is neither a parameter nor a resource of this template'],
    ['a missing value', undefined, 'X is not set'],
    ['a list', ['a'], 'X is not a single value'],
    ['an object with two keys', { a: 1, b: 2 }, 'X is an object, not a value'],
    ['an unresolvable part of a Join', { 'Fn::Join': ['', ['endpoint/', { 'Fn::ImportValue': 'x' }]] }, 'X uses Fn::ImportValue, which this tool does not resolve'],
    ['a malformed Join', { 'Fn::Join': ['', 'x'] }, 'X has a malformed Fn::Join'],
    ['an unresolvable name in a Sub', { 'Fn::Sub': '${AWS::AccountId}-x' }, 'X uses the pseudo parameter AWS::AccountId, known only at deploy time'],
  ])('%s is not resolved, with the reason', (_, value, reason) => {
    expect(str(value)).toEqual({ ok: false, reason });
  });

  test('numbers: literals, numeric strings and parameter defaults; placeholders are not numbers', () => {
    expect(num(10)).toEqual({ ok: true, value: 10 });
    expect(num({ Ref: 'MaxInstances' })).toEqual({ ok: true, value: 12 });
    expect(num({ 'Fn::GetAtt': ['Llm', 'Count'] })).toEqual({ ok: false, reason: 'X is known only at deploy time ({{Llm.Count}})' });
    expect(num('ten')).toEqual({ ok: false, reason: 'X is not a number ("ten")' });
  });

  test('referencedResource: the logical ID behind a Ref or GetAtt of this template', () => {
    expect(resolver.referencedResource({ 'Fn::GetAtt': ['Config', 'EndpointConfigName'] })).toBe('Config');
    expect(resolver.referencedResource({ Ref: 'Config' })).toBe('Config');
    expect(resolver.referencedResource({ Ref: 'Stage' })).toBeUndefined();
    expect(resolver.referencedResource('fixed-config')).toBeUndefined();
  });

  test('isPlaceholder', () => {
    expect(isPlaceholder('endpoint/{{Llm.EndpointName}}/variant/v')).toBe(true);
    expect(isPlaceholder('endpoint/llm/variant/v')).toBe(false);
  });
});
