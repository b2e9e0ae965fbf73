#!/usr/bin/env bash
# Consumer check: the package exactly as a release publishes it (jsii-pacmak's npm tarball) installs into a fresh
# CDK app outside this repository, next to aws-cdk-lib and constructs from the npm registry (or the npm cache), and
# the README's quick start synthesizes there. Catches missing files in the package, a wrong `main`/`types`, and
# aws-cdk-lib or constructs declared as dependencies instead of peers (two copies break construct identity).
#
# Needs `npm run build` first. Packing bundles the command-line tool (the `prepack` script runs `npm run build:cli`).
# Usage: scripts/consumer-check.sh [--keep]   (--keep leaves the temporary app in place)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export CDK_DISABLE_CLI_TELEMETRY=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

fail() { echo "consumer-check: FAIL: $*" >&2; exit 1; }
ok() { echo "consumer-check: ok: $*"; }
pkg() { node -p "require('./package.json').$1"; }

name=$(pkg name)
version=$(pkg version)
[ -f .jsii ] || fail "no .jsii assembly: run 'npm run build' first"

# 1. The tarball jsii-pacmak builds for npm (rebuilt when the assembly, the docs or the command-line tool are newer).
tarball="$ROOT/dist-pacmak/js/$name@$version.jsii.tgz"
if [ ! -f "$tarball" ] || [ -n "$(find .jsii package.json README.md API.md LICENSE dist dist-cli bin/fleet scripts/build-cli.ts -newer "$tarball" -print -quit 2>/dev/null)" ]; then
  npm run --silent package >/dev/null
fi
[ -f "$tarball" ] || fail "jsii-pacmak did not produce $(basename "$tarball")"

# 2. Its contents: the compiled library, the assembly, the docs and the plain files listed in package.json "files"
#    (the bundled command-line tool); nothing else (no sources, tests, build info, stale output of deleted files).
node - "$tarball" <<'EOF' || fail "unexpected package contents (see above)"
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const listed = execFileSync('tar', ['tzf', process.argv[2]], { encoding: 'utf-8' })
  .split('\n').filter((f) => f && !f.endsWith('/')).map((f) => f.replace(/^package\//, ''));
const sources = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) sources.push(path.relative('lib', p).replace(/\.ts$/, ''));
  }
})('lib');
const manifest = JSON.parse(execFileSync('tar', ['xzOf', process.argv[2], 'package/package.json'], { encoding: 'utf-8' }));
const plainFiles = (manifest.files ?? []).filter((f) => !/[*?{[]/.test(f)).map((f) => path.normalize(f));
const expected = [...new Set(['package.json', '.jsii', 'README.md', 'API.md', 'LICENSE', ...plainFiles,
  ...sources.flatMap((s) => [`dist/${s}.js`, `dist/${s}.d.ts`])])];
const missing = expected.filter((f) => !listed.includes(f));
const extra = listed.filter((f) => !expected.includes(f));
if (missing.length) console.error(`missing from the package: ${missing.join(', ')}`);
if (extra.length) console.error(`not expected in the package (stale build output or a "files" entry too broad?): ${extra.join(', ')}`);
for (const peer of ['aws-cdk-lib', 'constructs']) {
  if (manifest.dependencies?.[peer] || manifest.bundledDependencies?.includes?.(peer)) {
    console.error(`${peer} must be a peerDependency only, not a dependency`);
    process.exitCode = 1;
  }
  if (!manifest.peerDependencies?.[peer]) { console.error(`${peer} is missing from peerDependencies`); process.exitCode = 1; }
}
const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
for (const entry of [manifest.main, manifest.types, ...bins]) {
  if (!listed.includes(path.normalize(entry))) { console.error(`main, types or bin points at ${entry}, which is not in the package`); process.exitCode = 1; }
}
// No source maps: with source maps on (tsx, ts-node), Node maps every frame of each creation stack trace that
// passes through a file carrying one: 2 to 5 % of an app's synth with jsii's inline maps (README "Performance").
const compiled = execFileSync('tar', ['xzOf', process.argv[2], '--wildcards', 'package/dist/*.js'], { encoding: 'utf-8', maxBuffer: 1 << 28 });
if (/^\/\/# sourceMappingURL=/m.test(compiled)) { console.error("the package's JavaScript in dist/ carries source maps"); process.exitCode = 1; }
if (missing.length || extra.length) process.exitCode = 1;
EOF
ok "$(basename "$tarball") holds exactly the compiled library (no source maps), .jsii, README.md, API.md, LICENSE and the files listed in package.json"

# 3. A fresh CDK app in a temporary directory outside the repository.
app=$(mktemp -d "${TMPDIR:-/tmp}/cdk-consumer.XXXXXX")
case "$app" in "$ROOT"/*) fail "temporary app $app is inside the repository";; esac
if [ "${1:-}" = --keep ]; then echo "consumer-check: app kept in $app"; else trap 'rm -rf "$app"' EXIT; fi

dev() { node -p "require('./package.json').devDependencies['$1']"; }
deps=("aws-cdk-lib@$(dev aws-cdk-lib)" "constructs@$(dev constructs)" "aws-cdk@$(dev aws-cdk)" "typescript@$(dev typescript)")

# The quick start: the first ```ts block of README.md that creates a CapacityAwareEndpoint, with a real App/Stack.
node - "$app/app.ts" <<'EOF' || fail "cannot build the quick start from README.md"
const fs = require('fs');
const blocks = [...fs.readFileSync('README.md', 'utf-8').matchAll(/^```(?:ts|typescript)\b[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)].map((m) => m[1]);
const quickStart = blocks.find((b) => b.includes('new CapacityAwareEndpoint('));
if (!quickStart) throw new Error('README.md has no ```ts block that creates a CapacityAwareEndpoint');
const declaration = /^declare const stack: [\w.]*Stack;[ \t]*$/m;
if (!declaration.test(quickStart)) throw new Error('the quick start must contain `declare const stack: Stack;`');
const code = quickStart.replace(declaration, "const consumerApp = new consumerCdk.App();\nconst stack = new consumerCdk.Stack(consumerApp, 'QuickStart');");
const undeclared = /^declare .*$/m.exec(code);
if (undeclared) throw new Error(`the quick start declares a value the consumer check cannot provide: ${undeclared[0]}`);
fs.writeFileSync(process.argv[2], `import * as consumerCdk from 'aws-cdk-lib';\n${code}\nconsumerApp.synth();\n`);
EOF

cd "$app"
cat > package.json <<'EOF'
{ "name": "consumer-app", "version": "0.0.0", "private": true }
EOF
cat > tsconfig.json <<'EOF'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "skipLibCheck": true, "types": [] }, "files": ["app.ts"] }
EOF
cat > cdk.json <<'EOF'
{ "app": "node app.js", "notices": false, "context": { "cli-telemetry": false } }
EOF

npm install --prefer-offline --no-audit --no-fund --loglevel=error --save-exact "$tarball" "${deps[@]}" >/dev/null \
  || fail "npm install of the tarball with ${deps[*]} failed"
[ -d "node_modules/$name" ] && [ ! -L "node_modules/$name" ] || fail "node_modules/$name is missing or a symlink"
ok "installed $(basename "$tarball") with ${deps[*]}"

for peer in aws-cdk-lib constructs; do
  copies=$(find "$PWD/node_modules" -type f -path "*/node_modules/$peer/package.json" | sed "s|^$PWD/||" | sort)
  [ "$(printf '%s\n' "$copies" | grep -c .)" = 1 ] || fail "expected exactly one copy of $peer, found: $(echo $copies)"
done
ok "exactly one copy of aws-cdk-lib and of constructs"

for bin in $(node -p "const b = require('$name/package.json').bin; Object.keys(typeof b === 'string' ? { '$name': b } : b ?? {}).join(' ')"); do
  "node_modules/.bin/$bin" --version >/dev/null || fail "the package's command '$bin --version' fails in the consumer app"
  ok "the package's command '$bin' runs"
done

npx tsc -p . || fail "the README quick start does not compile against the published typings"
ok "the quick start compiles against the package's .d.ts files"

npx cdk synth --quiet --no-notices >synth.log 2>&1 || { cat synth.log >&2; fail "cdk synth failed"; }
node - <<'EOF' || fail "the synthesized template has no AWS::SageMaker::EndpointConfig with InstancePools"
const template = require('./cdk.out/QuickStart.template.json');
const configs = Object.values(template.Resources).filter((r) => r.Type === 'AWS::SageMaker::EndpointConfig');
const pools = configs.flatMap((c) => c.Properties.ProductionVariants.flatMap((v) => v.InstancePools ?? []));
if (pools.length === 0) process.exit(1);
console.log(`consumer-check: ok: cdk synth: ${configs.length} endpoint config(s), instance pools ${pools.map((p) => `${p.Priority}:${p.InstanceType}`).join(', ')}`);
EOF
