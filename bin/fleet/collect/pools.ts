import type { ProductionVariant } from '@aws-sdk/client-sagemaker';
import { PoolReport, PrioritySource } from '../model';

/** What SageMaker reports running: instances (or inference-component copies) per instance type. */
export interface ObservedPool {
  readonly instanceType: string;
  readonly count: number;
}

/** What the endpoint config asks for: the ranked list. */
export interface ConfiguredPool {
  readonly instanceType: string;
  readonly priority: number;
  readonly modelNameOverride?: string;
}

export interface RankedPools {
  readonly pools: PoolReport[];
  readonly prioritySource: PrioritySource;
  readonly fallback: boolean;
  readonly fallbackCount: number;
}

/**
 * Puts observed counts in priority order. DescribeEndpoint does not return priorities, so they come from the
 * endpoint config; configured pools with no instances are kept (count 0) and pools SageMaker reports but the
 * config does not list are appended with priority `null`. Without a config, the order SageMaker returned is
 * taken as the priority order and the result says so (`prioritySource: 'response-order'`).
 */
export function rankPools(observed: readonly ObservedPool[], configured: readonly ConfiguredPool[] | undefined): RankedPools {
  const counts = new Map<string, number>();
  for (const pool of observed) counts.set(pool.instanceType, (counts.get(pool.instanceType) ?? 0) + pool.count);

  let ranked: Array<Omit<PoolReport, 'share' | 'fallback'>>;
  let prioritySource: PrioritySource;
  if (configured && configured.length > 0) {
    prioritySource = 'endpoint-config';
    const byPriority = [...configured].sort((a, b) => a.priority - b.priority);
    const listed = new Set(byPriority.map((p) => p.instanceType));
    ranked = [
      ...byPriority.map((p) => ({
        priority: p.priority, instanceType: p.instanceType, count: counts.get(p.instanceType) ?? 0, modelNameOverride: p.modelNameOverride ?? null,
      })),
      ...[...counts.keys()].filter((type) => !listed.has(type)).map((type) => ({
        priority: null, instanceType: type, count: counts.get(type) ?? 0, modelNameOverride: null,
      })),
    ];
  } else {
    prioritySource = 'response-order';
    ranked = [...counts.keys()].map((type, i) => ({ priority: i + 1, instanceType: type, count: counts.get(type) ?? 0, modelNameOverride: null }));
  }

  const total = ranked.reduce((sum, p) => sum + p.count, 0);
  const pools: PoolReport[] = ranked.map((p) => ({
    priority: p.priority,
    instanceType: p.instanceType,
    count: p.count,
    share: total > 0 ? round4(p.count / total) : 0,
    fallback: p.count > 0 && p.priority !== 1,
    modelNameOverride: p.modelNameOverride,
  }));
  const fallbackCount = pools.filter((p) => p.fallback).reduce((sum, p) => sum + p.count, 0);
  return { pools, prioritySource, fallback: fallbackCount > 0, fallbackCount };
}

/**
 * The ranked list an endpoint-config variant asks for: its InstancePools, or its single InstanceType as one
 * pool of priority 1. `undefined` when there is nothing to rank by (no config, serverless).
 */
export function configuredPools(variant: ProductionVariant | undefined): ConfiguredPool[] | undefined {
  if (!variant) return undefined;
  const pools = (variant.InstancePools ?? []).flatMap((p, i) => (p.InstanceType ? [{
    instanceType: p.InstanceType,
    priority: p.Priority ?? i + 1,
    modelNameOverride: p.ModelNameOverride,
  }] : []));
  if (pools.length > 0) return pools;
  if (variant.InstanceType) return [{ instanceType: variant.InstanceType, priority: 1 }];
  return undefined;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
