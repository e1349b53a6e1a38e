#!/usr/bin/env bash
# npm run test:setup: proves that the editor setup works on a machine that has never run it. Runs
# scripts/e2e-setup.sh into an empty cache, starts the code-server it installed until it answers /healthz, then runs
# the setup again, which must print nothing and take under 2 s. The cache is HDGUARD_E2E_CACHE when set (it must be
# empty; it is kept, so that CI's npm test uses what was just installed), else a temporary folder removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() {
  echo "e2e-setup-check: $*" >&2
  exit 1
}
if [ -n "${HDGUARD_E2E_CACHE:-}" ]; then
  [ -z "$(ls -A "$HDGUARD_E2E_CACHE" 2>/dev/null)" ] || fail "HDGUARD_E2E_CACHE=$HDGUARD_E2E_CACHE is not empty"
else
  HDGUARD_E2E_CACHE=$(mktemp -d)
  trap 'rm -rf "$HDGUARD_E2E_CACHE"' EXIT
fi
export HDGUARD_E2E_CACHE
ms() { echo $(($(date +%s%N) / 1000000)); }

start=$(ms)
bash scripts/e2e-setup.sh
echo "e2e-setup-check: setup into the empty cache $HDGUARD_E2E_CACHE took $((($(ms) - start) / 1000)) s"

node --input-type=module -e "
  import * as fs from 'node:fs';
  import { makeProfile, startCodeServer } from './test/e2e/codeServer.mjs';
  const profile = makeProfile();
  const cs = await startCodeServer(profile);
  console.log('e2e-setup-check: code-server answers /healthz on port ' + cs.port);
  await cs.stop();
  fs.rmSync(profile.tmp, { recursive: true, force: true });
" || fail "the code-server just installed does not start"

start=$(ms)
out=$(bash scripts/e2e-setup.sh 2>&1) || fail "the second run failed: $out"
took=$(($(ms) - start))
[ -z "$out" ] || fail "the second run printed: $out"
[ "$took" -lt 2000 ] || fail "the second run took $took ms (2000 at most)"
echo "e2e-setup-check: the second run printed nothing and took $took ms"
