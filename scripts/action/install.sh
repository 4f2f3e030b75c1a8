#!/usr/bin/env bash
# The Action's install step: build the CLI from the Action's own checkout (GITHUB_ACTION_PATH)
# unless it is already built there. Lifecycle scripts are not run: the build needs none.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/cli/maturity-map.mjs ]; then
  echo "Maturity Map CLI already built: $(node dist/cli/maturity-map.mjs --version)"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts
node scripts/build.mjs --only cli
echo "Maturity Map CLI $(node dist/cli/maturity-map.mjs --version) built"
