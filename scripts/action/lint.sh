#!/usr/bin/env bash
# The Action's check step: lint the notes as GitHub annotations (its exit code is the step's), after
# writing the SARIF log (so an upload step with `if: always()` finds it) and the job summary.
# Reads MATURITY_MAP_PATH, _FAIL_ON, _CONFIG, _SARIF, _SUMMARY; writes GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
set -euo pipefail
cli="$GITHUB_ACTION_PATH/dist/cli/maturity-map.mjs"
notes="${MATURITY_MAP_PATH:-.}"
common=()
if [ -n "${MATURITY_MAP_CONFIG:-}" ]; then common+=(--config "$MATURITY_MAP_CONFIG"); fi
# Up to three runs below read the same notes: the first parses them, the others take them from its
# cache, kept in the runner's temp folder (one per notes path) so the checkout stays as it was.
if [ -n "${RUNNER_TEMP:-}" ]; then
  common+=(--cache-location "$RUNNER_TEMP/maturity-map-$(printf '%s' "$notes" | cksum | cut -d' ' -f1).cache")
fi

if [ -n "${MATURITY_MAP_SARIF:-}" ]; then
  node "$cli" lint "$notes" ${common[@]+"${common[@]}"} --format sarif --fail-on none --output "$MATURITY_MAP_SARIF"
  echo "sarif-file=$MATURITY_MAP_SARIF" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

if [ "${MATURITY_MAP_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  node "$cli" report "$notes" ${common[@]+"${common[@]}"} --format markdown >> "$GITHUB_STEP_SUMMARY"
fi

exec node "$cli" lint "$notes" ${common[@]+"${common[@]}"} --format github --fail-on "${MATURITY_MAP_FAIL_ON:-error}"
