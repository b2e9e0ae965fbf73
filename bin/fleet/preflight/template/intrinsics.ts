/**
 * Just enough of CloudFormation's intrinsic functions to tie a template's resources together before deploy:
 * `Ref`, `Fn::GetAtt`, `Fn::Join` and `Fn::Sub`. A value known only at deploy time (the generated name of an
 * endpoint, say) becomes a placeholder, `{{LogicalId.Attribute}}`, that compares equal wherever the same value is
 * built, so `endpoint/{{Llm.EndpointName}}/variant/AllTraffic` ties a scalable target to its endpoint. Everything
 * else (Fn::If, Fn::ImportValue, Fn::Select ...) is reported as not resolved, with where and why.
 */

export interface CfnResource {
  readonly Type?: unknown;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Parameters?: Record<string, { readonly Default?: unknown } | undefined>;
  readonly Resources: Record<string, CfnResource>;
}

export type Resolution<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Attributes that return a resource's name, with the property that names it when the template fixes the name. */
const NAME_ATTRIBUTES: Readonly<Record<string, { readonly type: string; readonly property: string }>> = {
  EndpointName: { type: 'AWS::SageMaker::Endpoint', property: 'EndpointName' },
  EndpointConfigName: { type: 'AWS::SageMaker::EndpointConfig', property: 'EndpointConfigName' },
  InferenceComponentName: { type: 'AWS::SageMaker::InferenceComponent', property: 'InferenceComponentName' },
  ModelName: { type: 'AWS::SageMaker::Model', property: 'ModelName' },
};

type Scalar = string | number | boolean;

export class IntrinsicResolver {
  constructor(private readonly template: CfnTemplate) {}

  /** A string, with deploy-time values as placeholders. */
  public resolveString(value: unknown, where: string): Resolution<string> {
    const r = this.resolve(value, where);
    return r.ok ? { ok: true, value: String(r.value) } : r;
  }

  /** A number; a deploy-time value is not one. */
  public resolveNumber(value: unknown, where: string): Resolution<number> {
    const r = this.resolve(value, where);
    if (!r.ok) return r;
    if (typeof r.value === 'number') return { ok: true, value: r.value };
    if (typeof r.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(r.value)) return { ok: true, value: Number(r.value) };
    if (typeof r.value === 'string' && isPlaceholder(r.value)) return { ok: false, reason: `${where} is known only at deploy time (${r.value})` };
    return { ok: false, reason: `${where} is not a number (${JSON.stringify(r.value)})` };
  }

  /** The logical ID a `Ref` or `Fn::GetAtt` points at, if it points at a resource of this template. */
  public referencedResource(value: unknown): string | undefined {
    const v = value as Record<string, unknown> | null;
    if (!v || typeof v !== 'object') return undefined;
    const ref = v.Ref;
    if (typeof ref === 'string' && this.template.Resources[ref]) return ref;
    const [id] = getAttParts(v['Fn::GetAtt']) ?? [];
    return id && this.template.Resources[id] ? id : undefined;
  }

  private resolve(value: unknown, where: string): Resolution<Scalar> {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { ok: true, value };
    if (value === undefined || value === null) return { ok: false, reason: `${where} is not set` };
    if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: `${where} is not a single value` };
    const keys = Object.keys(value);
    const fn = keys[0];
    const arg = (value as Record<string, unknown>)[fn];
    if (keys.length !== 1) return { ok: false, reason: `${where} is an object, not a value` };
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg, where) : { ok: false, reason: `${where} has a malformed Ref` };
      case 'Fn::GetAtt': {
        const parts = getAttParts(arg);
        return parts ? this.getAtt(parts[0], parts[1]) : { ok: false, reason: `${where} has a malformed Fn::GetAtt` };
      }
      case 'Fn::Join':
        return this.join(arg, where);
      case 'Fn::Sub':
        return this.sub(arg, where);
      default:
        return { ok: false, reason: `${where} uses ${fn}, which this tool does not resolve` };
    }
  }

  private ref(name: string, where: string): Resolution<Scalar> {
    if (this.template.Resources[name]) return { ok: true, value: `{{${name}}}` };
    if (name.startsWith('AWS::')) return { ok: false, reason: `${where} uses the pseudo parameter ${name}, known only at deploy time` };
    const parameter = this.template.Parameters?.[name];
    if (!parameter) return { ok: false, reason: `${where} refers to ${name}, which is neither a parameter nor a resource of this template` };
    const d = parameter.Default;
    if (typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean') return { ok: true, value: d };
    return { ok: false, reason: `${where} refers to parameter ${name}, which has no Default` };
  }

  private getAtt(id: string, attribute: string): Resolution<Scalar> {
    const named = NAME_ATTRIBUTES[attribute];
    const resource = this.template.Resources[id];
    const fixed = named && resource?.Type === named.type ? resource.Properties?.[named.property] : undefined;
    if (typeof fixed === 'string') return { ok: true, value: fixed };
    return { ok: true, value: `{{${id}.${attribute}}}` };
  }

  private join(arg: unknown, where: string): Resolution<Scalar> {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) {
      return { ok: false, reason: `${where} has a malformed Fn::Join` };
    }
    const parts: string[] = [];
    for (const part of arg[1] as unknown[]) {
      const r = this.resolve(part, where);
      if (!r.ok) return r;
      parts.push(String(r.value));
    }
    return { ok: true, value: parts.join(arg[0]) };
  }

  /** `Fn::Sub` with `${Name}`, `${Id.Attribute}`, `${!Literal}` and optional variables. */
  private sub(arg: unknown, where: string): Resolution<Scalar> {
    const [text, variables] = typeof arg === 'string' ? [arg, {}] : Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [undefined, {}];
    if (typeof text !== 'string' || typeof variables !== 'object' || variables === null) return { ok: false, reason: `${where} has a malformed Fn::Sub` };
    let failure: Resolution<Scalar> | undefined;
    const value = text.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const r = name in variables
        ? this.resolve((variables as Record<string, unknown>)[name], where)
        : name.includes('.') ? this.getAtt(name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)) : this.ref(name, where);
      if (!r.ok) failure ??= r;
      return r.ok ? String(r.value) : '';
    });
    return failure ?? { ok: true, value };
  }
}

/** True for a value built by this resolver for something known only at deploy time. */
export function isPlaceholder(value: string): boolean {
  return /\{\{[^}]+\}\}/.test(value);
}

/** `["Id", "Attr"]` or `"Id.Attr"`. */
function getAttParts(arg: unknown): [string, string] | undefined {
  if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && typeof arg[1] === 'string') return [arg[0], arg[1]];
  if (typeof arg === 'string' && arg.includes('.')) return [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)];
  return undefined;
}
