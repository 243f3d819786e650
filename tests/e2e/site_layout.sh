#!/usr/bin/env bash
# The site's layout in chromium (tests/browser/site_layout_test.js): every
# page fits a 390 px phone, the header folds, the tree and breadcrumbs lead
# to the runbook and its folder, the index fits 1280 px, the theme button.
# Sites: runbooks/ with the seeds and a runbook made to overflow, in folders;
# then the whole corpus when ../shared is beside the repository.
# Usage: site_layout.sh path/to/runbookc   (run from the repository root)
set -euo pipefail
RB=$(realpath "$1")
SHARED=$(realpath ../shared 2>/dev/null || echo /nonexistent)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/in/team/payments" "$work/in/seeds" "$work/in/a folder with spaces"
cp runbooks/*.md "$work/in/team/"
if [[ -d $SHARED/seeds ]]; then
  for seed in "$SHARED"/seeds/*.txt; do cp "$seed" "$work/in/seeds/$(basename "$seed" .txt).md"; done
fi
long=$(printf 'x%.0s' $(seq 300))
cat >"$work/in/team/payments/LedgerReplicationLagTooHighForTheWholeEuropeanRegionAndBeyond.md" <<MD
---
title: PaymentsLedgerReplicationLagTooHighForTheWholeEuropeanRegionAndBeyondSeriously
service: payments-ledger-service-with-a-very-long-name
alerts: [LedgerReplicationLagTooHighForTheWholeEuropeanRegionAndBeyond]
---
# PaymentsLedgerReplicationLagTooHighForTheWholeEuropeanRegionAndBeyondSeriously

A word that never breaks: $long.

| column one | column two | column three | column four | column five | column six |
|---|---|---|---|---|---|
| $long | value | value | value | value | value |

\`\`\`bash
kubectl --namespace payments-ledger-production-europe-west get pods --selector app.kubernetes.io/name=ledger-replica -o wide
redis-cli -h ledger-cache.payments.svc.cluster.local FLUSHALL
\`\`\`

> A quote holding \`$long\`.
MD
cp "$work/in/team/auth-down.md" "$work/in/a folder with spaces/auth down copy.md"
"$RB" build "$work/in" -o "$work/site" --today 2026-12-01 >/dev/null 2>&1 || true
test -f "$work/site/index.html"
node tests/browser/site_layout_test.js "$work/site" payments/LedgerReplicationLagTooHighForTheWholeEuropeanRegionAndBeyond.md

if [[ -d $SHARED/corpus ]]; then
  "$RB" build "$SHARED/corpus" -o "$work/corpus-site" --today 2026-12-01 >/dev/null 2>&1 || true
  test -f "$work/corpus-site/index.html"
  node tests/browser/site_layout_test.js "$work/corpus-site"
else
  echo "note: ../shared/corpus absent: the corpus site is not measured"
fi
