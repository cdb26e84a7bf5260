#!/usr/bin/env bash
# Folds the job-semantics part of flink-conf/config.yaml into a Flink distribution's configuration, so every
# cluster built from the Dockerfile checkpoints, restarts and sizes its network buffers the way the laptop runs do.
#   fold-flink-conf.sh CONFIG_YAML            # writes into $FLINK_HOME/conf/config.yaml (used by the Dockerfile)
#   fold-flink-conf.sh CONFIG_YAML --print    # prints the -Dkey=value arguments instead (DockerImageTest reads them)
# Only the settings whose prefix is in FOLDED are taken: state backend, checkpointing, restart strategy and network
# buffers mean the same on every cluster. The rest of that file is about one laptop JVM (REST and Prometheus bound
# to localhost through the CLI's own reporter factory, two slots, managed memory sized for a mini-cluster) and
# would be wrong in a container; the image, compose and the FlinkDeployment set those per cluster.
# The image's entrypoint applies FLINK_PROPERTIES after this, so a container can still override anything folded.
set -euo pipefail
source_file="$1"
FOLDED='^(state\.|execution\.checkpointing\.|restart-strategy\.|taskmanager\.network\.)'

args=()
while IFS= read -r line || [ -n "$line" ]; do
  [[ "$line" =~ ^([A-Za-z0-9._-]+):[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]] || continue
  key="${BASH_REMATCH[1]}"
  value="${BASH_REMATCH[2]}"
  [[ "$key" =~ $FOLDED ]] && args+=("-D${key}=${value}")
done < "$source_file"

if [ "${#args[@]}" -eq 0 ]; then
  echo "fold-flink-conf.sh: no setting of $source_file matches $FOLDED" >&2
  exit 1
fi
if [ "${2:-}" = "--print" ]; then
  printf '%s\n' "${args[@]}"
  exit 0
fi
"$FLINK_HOME/bin/config-parser-utils.sh" "$FLINK_HOME/conf" "$FLINK_HOME/bin" "$FLINK_HOME/lib" "${args[@]}"
