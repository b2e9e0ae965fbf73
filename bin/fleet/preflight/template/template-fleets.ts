import { CfnResource, CfnTemplate, IntrinsicResolver, isPlaceholder } from './intrinsics';
import { FleetError } from '../../errors';
import { FleetNeed, FleetPool } from '../fleet-need';

export interface TemplateFleets {
  readonly fleets: readonly FleetNeed[];
  /** What could not be resolved outside any one fleet (scalable targets, missing endpoint configs). */
  readonly unresolved: readonly string[];
  readonly notes: readonly string[];
}

interface VariantTarget {
  readonly logicalId: string;
  readonly resourceId: string;
  readonly maxCapacity: number | null;
  readonly problem: string | null;
}

const VARIANT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/**
 * Every endpoint variant of a synthesized template (`cdk.out/STACK.template.json`) with its pools and bounds:
 * the endpoint config's InitialInstanceCount and managed instance scaling, and the MaxCapacity of the scalable
 * target whose ResourceId resolves to `endpoint/NAME/variant/VARIANT`.
 */
export function templateFleets(template: unknown, file: string): TemplateFleets {
  const t = asTemplate(template, file);
  const resolver = new IntrinsicResolver(t);
  const unresolved: string[] = [];
  const notes: string[] = [];
  const ofType = (type: string) => Object.entries(t.Resources).filter(([, r]) => r?.Type === type);

  const targets = ofType('AWS::ApplicationAutoScaling::ScalableTarget').flatMap(([id, r]) => variantTarget(id, r, resolver));
  const matched = new Set<string>();
  const fleets: FleetNeed[] = [];

  for (const [id, endpoint] of ofType('AWS::SageMaker::Endpoint')) {
    const label = endpointLabel(id, endpoint);
    const configRef = endpoint.Properties?.EndpointConfigName;
    const configId = resolver.referencedResource(configRef) ?? configByName(t, resolver.resolveString(configRef, ''));
    const config = configId ? t.Resources[configId] : undefined;
    if (!config || config.Type !== 'AWS::SageMaker::EndpointConfig') {
      const named = resolver.resolveString(configRef, `Resources.${id}.Properties.EndpointConfigName`);
      unresolved.push(`endpoint ${label}: its endpoint config (${named.ok ? named.value : named.reason}) is not in this template, so its pools are not checked`);
      continue;
    }
    const name = resolver.resolveString({ 'Fn::GetAtt': [id, 'EndpointName'] }, '');
    const endpointName = name.ok && !isPlaceholder(name.value) ? name.value : null;
    for (const role of ['production', 'shadow'] as const) {
      const key = role === 'production' ? 'ProductionVariants' : 'ShadowProductionVariants';
      const variants = config.Properties?.[key];
      if (!Array.isArray(variants)) continue;
      variants.forEach((v: Record<string, unknown>, i: number) => {
        const where = `Resources.${configId}.Properties.${key}[${i}]`;
        const fleetUnresolved: string[] = [];
        let boundsResolved = true;
        const variantName = resolver.resolveString(v.VariantName, `${where}.VariantName`);
        const variant = variantName.ok ? variantName.value : `#${i + 1}`;
        if (!variantName.ok) fleetUnresolved.push(variantName.reason);
        if (v.ServerlessConfig) {
          notes.push(`endpoint ${label} variant ${variant} is serverless: no instances, no instance quota`);
          return;
        }
        const number = (value: unknown, path: string): number | null => {
          if (value === undefined) return null;
          const r = resolver.resolveNumber(value, path);
          if (!r.ok) {
            fleetUnresolved.push(r.reason);
            boundsResolved = false;
          }
          return r.ok ? r.value : null;
        };
        const scaling = v.ManagedInstanceScaling as Record<string, unknown> | undefined;
        const scalingStatus = scaling ? resolver.resolveString(scaling.Status, `${where}.ManagedInstanceScaling.Status`) : undefined;
        if (scalingStatus && !scalingStatus.ok) {
          fleetUnresolved.push(scalingStatus.reason);
          boundsResolved = false;
        }
        const target = role === 'production' && name.ok && variantName.ok
          ? targets.find((tg) => tg.resourceId === `endpoint/${name.value}/variant/${variantName.value}`) : undefined;
        if (target) {
          matched.add(target.logicalId);
          if (target.problem) {
            fleetUnresolved.push(target.problem);
            boundsResolved = false;
          }
        }
        fleets.push({
          endpoint: label,
          endpointName,
          logicalId: id,
          variant,
          role,
          inferenceComponents: v.ModelName === undefined,
          pools: pools(v, where, resolver, fleetUnresolved),
          bounds: {
            initialInstanceCount: number(v.InitialInstanceCount, `${where}.InitialInstanceCount`),
            scalableTargetMax: target?.maxCapacity ?? null,
            managedInstanceScalingMax: scalingStatus?.ok && scalingStatus.value === 'ENABLED'
              ? number(scaling!.MaxInstanceCount, `${where}.ManagedInstanceScaling.MaxInstanceCount`) : null,
            desiredInstanceCount: null,
          },
          boundsResolved,
          unresolved: fleetUnresolved,
        });
      });
    }
  }

  for (const target of targets.filter((tg) => !matched.has(tg.logicalId))) {
    unresolved.push(target.resourceId === ''
      ? `scalable target ${target.logicalId}: ${target.problem}; its MaxCapacity is tied to no endpoint`
      : `scalable target ${target.logicalId} scales ${target.resourceId}, which is no endpoint variant of this template; its MaxCapacity is not checked`);
  }
  if (ofType('AWS::CloudFormation::Stack').length > 0) notes.push('nested stacks (AWS::CloudFormation::Stack) are not followed: check their templates too');
  return { fleets, unresolved, notes };
}

function asTemplate(template: unknown, file: string): CfnTemplate {
  const t = template as CfnTemplate | null;
  if (!t || typeof t !== 'object' || !t.Resources || typeof t.Resources !== 'object') {
    throw new FleetError('usage', `${file} is not a CloudFormation template (no Resources).`);
  }
  return t;
}

/** The scalable targets of endpoint variants, with their resolved ResourceId (empty when it cannot be resolved). */
function variantTarget(id: string, r: CfnResource, resolver: IntrinsicResolver): VariantTarget[] {
  const p = r.Properties ?? {};
  const where = `Resources.${id}.Properties`;
  const dimension = resolver.resolveString(p.ScalableDimension, `${where}.ScalableDimension`);
  if (dimension.ok && dimension.value !== VARIANT_DIMENSION) return [];
  const resourceId = resolver.resolveString(p.ResourceId, `${where}.ResourceId`);
  const max = resolver.resolveNumber(p.MaxCapacity, `${where}.MaxCapacity`);
  if (!resourceId.ok) return [{ logicalId: id, resourceId: '', maxCapacity: null, problem: resourceId.reason }];
  if (!resourceId.value.startsWith('endpoint/')) return [];
  return [{ logicalId: id, resourceId: resourceId.value, maxCapacity: max.ok ? max.value : null, problem: max.ok ? null : max.reason }];
}

function pools(v: Record<string, unknown>, where: string, resolver: IntrinsicResolver, unresolved: string[]): FleetPool[] {
  const list = v.InstancePools;
  if (Array.isArray(list)) {
    return list.map((p: Record<string, unknown>, i: number) => {
      const type = resolver.resolveString(p.InstanceType, `${where}.InstancePools[${i}].InstanceType`);
      const priority = resolver.resolveNumber(p.Priority, `${where}.InstancePools[${i}].Priority`);
      if (!type.ok) unresolved.push(type.reason);
      if (!priority.ok) unresolved.push(priority.reason);
      return { priority: priority.ok ? priority.value : i + 1, instanceType: type.ok && !isPlaceholder(type.value) ? type.value : null };
    }).sort((a, b) => a.priority - b.priority);
  }
  if (v.InstanceType === undefined) return [];
  const type = resolver.resolveString(v.InstanceType, `${where}.InstanceType`);
  if (!type.ok) unresolved.push(type.reason);
  return [{ priority: 1, instanceType: type.ok && !isPlaceholder(type.value) ? type.value : null }];
}

/** The logical ID of the endpoint config whose fixed name is `name`. */
function configByName(t: CfnTemplate, name: { ok: boolean; value?: string }): string | undefined {
  if (!name.ok) return undefined;
  return Object.entries(t.Resources).find(([, r]) => r?.Type === 'AWS::SageMaker::EndpointConfig' && r.Properties?.EndpointConfigName === name.value)?.[0];
}

/** The endpoint's fixed name, else its CDK construct path (without the trailing /Resource), else its logical ID. */
function endpointLabel(id: string, r: CfnResource): string {
  const name = r.Properties?.EndpointName;
  if (typeof name === 'string') return name;
  const path = r.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path.replace(/\/Resource$/, '') : id;
}
