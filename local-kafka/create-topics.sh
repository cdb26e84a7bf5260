#!/usr/bin/env bash
# Creates the job's input topic if it does not exist. Runs inside the compose stack, or against any broker:
#   BOOTSTRAP_SERVERS=localhost:9092 KAFKA_BIN=~/kafka/bin ./local-kafka/create-topics.sh
# Partition count bounds the job's source parallelism; the replay tool keys by case id so one case's events
# stay in order within a partition.
set -euo pipefail
BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-localhost:9092}"
TOPIC="${TOPIC:-service-requests}"
PARTITIONS="${PARTITIONS:-2}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic "$TOPIC" --partitions "$PARTITIONS" --replication-factor 1 \
  --config retention.ms=-1
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topic "$TOPIC"
