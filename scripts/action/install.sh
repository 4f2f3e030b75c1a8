#!/usr/bin/env bash
# The Action's install step: build the CLI from the Action's own checkout (GITHUB_ACTION_PATH)
# unless it is already built there. The CLI is one bundle: the build needs the runtime
# dependencies (pinned by the lock file) and esbuild, not the test tooling (browsers' drivers,
# Mermaid, the SARIF multitool: ~500 MB). Lifecycle scripts are not run: the build needs none.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/cli/maturity-map.mjs ]; then
  echo "Maturity Map CLI already built: $(node dist/cli/maturity-map.mjs --version)"
  exit 0
fi
npm ci --omit=dev --no-audit --no-fund --ignore-scripts
# esbuild is a development dependency, which `npm ci --omit=dev` (and any later install in this
# folder) leaves out: install the version the lock file pins into a folder of its own, link it in.
esbuild_version=$(node -p "require('./package-lock.json').packages['node_modules/esbuild'].version")
tools="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/maturity-map-build-tools"
npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts "esbuild@$esbuild_version"
ln -sfn "$tools/node_modules/esbuild" node_modules/esbuild
node scripts/build.mjs --only cli
echo "Maturity Map CLI $(node dist/cli/maturity-map.mjs --version) built"
