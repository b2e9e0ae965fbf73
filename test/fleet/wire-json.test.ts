import { Readable } from 'node:stream';
import { awsFault, FakeTransport, transportClients } from './fake-transport';
import { CONFIG, endpointConfig } from './scenario';
import { AwsApi } from '../../bin/fleet/aws';
import { captureResponseJson, unknownMembers } from '../../bin/fleet/wire-json';

function apiAnswering(answer: () => [number, unknown]): AwsApi {
  return new AwsApi(transportClients(new FakeTransport(answer))({ region: 'us-east-1' }), { region: 'us-east-1' });
}

describe('captureResponseJson through a real client', () => {
  test('sees members the SDK drops, while the SDK still reads the response', async () => {
    const sent = endpointConfig(CONFIG);
    const wireConfig = {
      ...sent,
      FutureTopLevelSetting: { Enabled: true },
      ProductionVariants: [{ ...sent.ProductionVariants![0], FutureVariantSetting: 'x' }],
    };
    const { config, wire } = await apiAnswering(() => [200, wireConfig]).describeEndpointConfigOnWire(CONFIG);
    expect(config.EndpointConfigName).toBe(CONFIG);
    expect(config.ProductionVariants?.[0].InstancePools).toHaveLength(2);
    expect(config).not.toHaveProperty('FutureTopLevelSetting');
    expect(unknownMembers(wire, config)).toEqual(['ProductionVariants[0].FutureVariantSetting', 'FutureTopLevelSetting']);
  });

  test('a response with only known members has none unknown', async () => {
    const { config, wire } = await apiAnswering(() => [200, endpointConfig(CONFIG)]).describeEndpointConfigOnWire(CONFIG);
    expect(wire).toBeDefined();
    expect(unknownMembers(wire, config)).toEqual([]);
  });

  test('error responses pass through to the SDK untouched', async () => {
    const api = apiAnswering(() => awsFault('ValidationException', 'Could not find endpoint configuration "x".'));
    await expect(api.describeEndpointConfigOnWire('x')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('captureResponseJson as a middleware', () => {
  /** Registers the middleware on a fake stack and returns it. */
  function installed(sink: (json: unknown) => void) {
    let middleware: ((next: (args: unknown) => Promise<{ response: { statusCode: number; body: unknown } }>) => (args: unknown) => Promise<unknown>) | undefined;
    let options: unknown;
    captureResponseJson({ middlewareStack: { addRelativeTo: (m: typeof middleware, o: unknown) => { middleware = m; options = o; } } }, sink);
    return { middleware: middleware!, options };
  }

  test('sits right after the deserializer and reads a streamed body, handing the bytes on', async () => {
    const seen: unknown[] = [];
    const { middleware, options } = installed((json) => seen.push(json));
    expect(options).toMatchObject({ relation: 'after', toMiddleware: 'deserializerMiddleware' });
    const response = { statusCode: 200, body: Readable.from([Buffer.from('{"A":'), Buffer.from('1}')]) as unknown };
    await middleware(async () => ({ response }))({});
    expect(seen).toEqual([{ A: 1 }]);
    expect(new TextDecoder().decode(response.body as Uint8Array)).toBe('{"A":1}');
  });

  test('a body that is not JSON gives undefined', async () => {
    const seen: unknown[] = [];
    const { middleware } = installed((json) => seen.push(json));
    await middleware(async () => ({ response: { statusCode: 200, body: 'not json' } }))({});
    expect(seen).toEqual([undefined]);
  });
});

describe('unknownMembers', () => {
  test('walks objects and arrays, ignores nulls and leaves', () => {
    const typed = { A: 1, B: { C: 'x' }, L: [{ D: 1 }, { D: 2 }], T: new Date(0) };
    const wire = { A: 1, B: { C: 'x', E: 2 }, L: [{ D: 1 }, { D: 2, F: true }], T: 0, N: null, G: 'new' };
    expect(unknownMembers(wire, typed)).toEqual(['B.E', 'L[1].F', 'G']);
  });

  test('nothing to compare gives nothing', () => {
    expect(unknownMembers(undefined, {})).toEqual([]);
    expect(unknownMembers('text', 'text')).toEqual([]);
  });
});
