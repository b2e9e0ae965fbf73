/**
 * What the service sent, before the SDK read it. The SDK deserializes a response by its own model and drops
 * every member it does not know, so a field that AWS added after this tool's SDK version would vanish without a
 * trace. A command that copies a resource (migrate) must notice that: this middleware keeps the raw JSON body of a
 * successful response, and `unknownMembers` lists what the typed output lacks.
 */

/** The slice of a command's middleware stack this module uses. */
interface RelativeStack {
  addRelativeTo(middleware: unknown, options: { relation: 'after'; toMiddleware: string; name: string; override?: boolean }): void;
}

interface RawResponse {
  statusCode?: number;
  body?: unknown;
}

/**
 * Adds to `command` a middleware, next to the SDK's deserializer, that hands the parsed JSON of a 2xx response to
 * `sink` and gives the deserializer the same bytes. Error responses pass through untouched.
 */
export function captureResponseJson(command: { middlewareStack: unknown }, sink: (json: unknown) => void): void {
  const middleware = (next: (args: unknown) => Promise<{ response: RawResponse }>) => async (args: unknown) => {
    const result = await next(args);
    const response = result.response;
    if (response && typeof response.statusCode === 'number' && response.statusCode < 300 && response.body !== undefined) {
      const bytes = await readBody(response.body);
      response.body = bytes;
      try {
        sink(JSON.parse(new TextDecoder().decode(bytes)));
      } catch {
        sink(undefined);
      }
    }
    return result;
  };
  (command.middlewareStack as RelativeStack).addRelativeTo(middleware, {
    relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'sagemakerFleetResponseJson', override: true,
  });
}

/**
 * Paths of members present (and not null) in `wire` but missing from `typed`, e.g.
 * `ProductionVariants[0].SomethingNew`. Walks objects and arrays; leaves (strings, numbers, timestamps) end it.
 */
export function unknownMembers(wire: unknown, typed: unknown, path = ''): string[] {
  if (Array.isArray(wire)) {
    const typedItems = Array.isArray(typed) ? typed : [];
    return wire.flatMap((item, i) => unknownMembers(item, typedItems[i], `${path}[${i}]`));
  }
  if (!isPlainObject(wire)) return [];
  const typedObject = isPlainObject(typed) ? typed : {};
  return Object.entries(wire).flatMap(([key, value]) => {
    if (value === null) return [];
    const memberPath = path ? `${path}.${key}` : key;
    return typedObject[key] === undefined ? [memberPath] : unknownMembers(value, typedObject[key], memberPath);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The whole body as bytes: a Uint8Array already, or a Node stream (the SDK's HTTP handler). */
async function readBody(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
