/**
 * The shape of lib/, checked by `npm run check:imports` (dependency-cruiser) in CI.
 *
 * Layers, bottom to top; a folder imports only from its own layer's folder and from layers below it:
 *
 *   core                              errors and codes, validation primitives, CloudFormation limits, grants
 *   instance-types, model, deployment the concepts that need nothing but core
 *   pools                             instance pools and what both endpoint kinds share (interfaces, metrics)
 *   scaling, monitoring               autoscaling and dashboards/alarms of a pool endpoint (siblings)
 *   endpoint, inference-components    the two endpoint kinds (siblings)
 *   testing                           the metric-math evaluator, standalone
 *   index.ts                          re-exports only
 *
 * Type-only imports count: a cycle through `import type` is still a cycle in the design.
 */
const below = {
  'core': [],
  'instance-types': ['core'],
  'model': ['core'],
  'deployment': ['core'],
  'pools': ['core', 'instance-types', 'model'],
  'scaling': ['core', 'instance-types', 'model', 'pools'],
  'monitoring': ['core', 'instance-types', 'model', 'pools'],
  'endpoint': ['core', 'instance-types', 'model', 'deployment', 'pools', 'scaling', 'monitoring'],
  'inference-components': ['core', 'instance-types', 'model', 'deployment', 'pools', 'scaling', 'monitoring'],
  'testing': [],
};

const layerRules = Object.entries(below).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `lib/${folder}/ may import only from ${allowed.length ? allowed.map((f) => `lib/${f}/`).join(', ') + ' and ' : ''}itself`,
  severity: 'error',
  from: { path: `^lib/${folder}/` },
  to: { path: '^lib/', pathNot: [`^lib/(${[folder, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle in lib/, type-only imports included.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { circular: true },
    },
    {
      name: 'index-only-re-exports',
      comment: 'Nothing in lib/ imports lib/index.ts: it is the public entry point only.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^lib/index\\.ts$' },
    },
    ...layerRules,
  ],
  required: [
    {
      // A `required` rule sees every module, also one that imports nothing; `to` matches no path, so any module
      // the rule applies to is reported.
      name: 'no-unknown-folder',
      comment: 'Every source file of lib/ (but index.ts) belongs to a layer listed in .dependency-cruiser.cjs.',
      severity: 'error',
      module: { path: '^lib/', pathNot: [`^lib/(${Object.keys(below).join('|')})/`, '^lib/index\\.ts$'] },
      to: { path: '^$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^lib/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
