#!/usr/bin/env bash
# The runtime class path of each library artifact, as a user of it gets it: jars and total size (docs/dependencies.md).
# Run after ./mvnw install: tools/classpath-sizes.sh [module ...]
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(vt-model vt-rules vt-charts vt-api vt-core vt-store-jdbc vt-fhir-mapping vt-fhir-validation vt-client vt-reference-server vt-testkit vt-cli)
fi
printf '| artifact | jars | runtime class path (own jar + dependencies) |\n|---|---|---|\n'
for m in "${modules[@]}"; do
  [ -d "$m" ] || continue
  out="$(mktemp)"
  ./mvnw -B -q -o dependency:build-classpath -pl "$m" -DincludeScope=runtime -DexcludeOptional=true -Dmdep.outputFile="$out" >/dev/null
  jar="$(ls "$m"/target/"$m"-*.jar 2>/dev/null | grep -v -E 'sources|javadoc|tests' | head -1 || true)"
  total=0; n=0
  for f in $(tr ':' ' ' < "$out") $jar; do
    [ -f "$f" ] || continue
    total=$((total + $(stat -c %s "$f"))); n=$((n + 1))
  done
  printf '| %s | %d | %.1f MB |\n' "$m" "$n" "$(echo "$total / 1000000" | bc -l)"
  rm -f "$out"
done
