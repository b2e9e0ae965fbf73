#!/usr/bin/env bash
# Fails when the checked-in API.md differs from what jsii-docgen generates from the current assembly (.jsii).
# Run after `npm run build`. To regenerate: `npm run docgen`, then commit API.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

[ -f .jsii ] || { echo "check-api-docs: no .jsii assembly: run 'npm run build' first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npx jsii-docgen -o "$tmp/API.md"
if ! diff -u --label API.md --label "API.md (generated)" API.md "$tmp/API.md" >"$tmp/API.diff"; then
  head -n 60 "$tmp/API.diff" >&2
  echo "check-api-docs: API.md is stale: run 'npm run docgen' and commit API.md" >&2
  exit 1
fi
echo "check-api-docs: API.md is current"
