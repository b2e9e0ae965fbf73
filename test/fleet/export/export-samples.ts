/**
 * The stack modules `sagemaker-fleet export` generates for the export scenarios: stack-source.test.ts asserts
 * their content and synthesizes them; `npm run check:samples` (scripts/check-samples.ts) type-checks them against
 * the library with the repository's strict options, unused imports and locals included, and checks that the
 * canaries (an L1 member misspelt) are reported.
 */
import { asyncSnapshot, everythingSnapshot, pooledSnapshot } from './export-scenarios';
import { scenarioSnapshot } from '../migrate/migrate-scenario';
import { NOW } from '../scenario';
import { exportStack, ExportedStack } from '../../../bin/fleet/export/stack-source';

export function exportSamples(): { [name: string]: ExportedStack } {
  return {
    single: exportStack(scenarioSnapshot(), undefined, NOW),
    pooled: exportStack(pooledSnapshot(), undefined, NOW),
    asyncExact: exportStack(asyncSnapshot(false), undefined, NOW),
    asyncLibrary: exportStack(asyncSnapshot(true), undefined, NOW),
    everything: exportStack(everythingSnapshot(), 'AllTraffic', NOW),
  };
}

/**
 * Modules with an L1 member misspelt (in a plain assignment, in a variant next to a spread, in a policy), each with
 * the diagnostic the type check must report: the generated code is typed so that a wrong member cannot pass.
 */
export function exportCanaries(samples = exportSamples()): { [name: string]: { source: string; expected: RegExp } } {
  const canary = (source: string, from: string, to: string) => {
    if (!source.includes(from)) throw new Error(`export canary: '${from}' is not in the generated module`);
    return source.replace(from, to);
  };
  return {
    canary: { source: canary(samples.single.source, 'initialSamplingPercentage: 10', 'initialSamplingPercent: 10'), expected: /TS2353 .*'initialSamplingPercent' does not exist/ },
    canaryVariant: { source: canary(samples.everything.source, 'volumeSizeInGb: ', 'volumeSizeInGB: '), expected: /TS2\d+ .*'volumeSizeInGB'/ },
    canaryPolicy: { source: canary(samples.everything.source, 'schedulingBufferTime: ', 'schedulingBuffer: '), expected: /TS2\d+ .*'schedulingBuffer'/ },
  };
}
