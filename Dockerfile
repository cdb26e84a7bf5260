# The job image for self-managed Flink clusters: the Kubernetes operator (deploy/kubernetes/) and docker compose
# (local-kafka/docker-compose.flink.yml). Build from the repository root after the job jar exists:
#   mvn -B package -DskipTests && docker build -t requests-lakehouse-job:dev .
# See docs/deployment.md. DockerImageTest keeps the tag, paths and settings in step with the build (no Docker
# engine there: the image itself is not built by the tests).
FROM flink:1.20.3-java17

# Must equal the base image's Flink: the plugin jars below carry it in their names.
ARG FLINK_VERSION=1.20.3

# Flink loads file systems and metric reporters when a process starts, from plugins/<name>/ (each plugin in its
# own class loader) or lib/, never from the job jar, whose class loader exists only once a job runs.
# S3 (s3:// and s3a://) for checkpoints, savepoints and HA metadata: the official image ships the plugin in opt/.
# Prometheus: the distribution already has it in plugins/metrics-prometheus/; the check fails the build if not.
RUN set -eux; \
    mkdir -p "$FLINK_HOME/plugins/s3-fs-hadoop"; \
    cp "$FLINK_HOME/opt/flink-s3-fs-hadoop-$FLINK_VERSION.jar" "$FLINK_HOME/plugins/s3-fs-hadoop/"; \
    test -f "$FLINK_HOME/plugins/metrics-prometheus/flink-metrics-prometheus-$FLINK_VERSION.jar"; \
    chown -R flink:flink "$FLINK_HOME/plugins/s3-fs-hadoop"

# The shipped checkpointing, state backend, restart and network settings (see the script for which and why).
COPY --chown=flink:flink flink-conf/config.yaml /opt/flink/conf/requests-lakehouse/config.yaml
COPY --chown=flink:flink deploy/docker/fold-flink-conf.sh /opt/flink/bin/fold-flink-conf.sh
RUN set -eux; \
    /opt/flink/bin/fold-flink-conf.sh /opt/flink/conf/requests-lakehouse/config.yaml; \
    chown -R flink:flink "$FLINK_HOME/conf"

# A container's own place for the compose stack's named volume (warehouse, checkpoints, savepoints): Docker
# seeds an empty named volume with this directory's owner, so the flink user can write to it.
RUN set -eux; \
    mkdir -p /data/warehouse /data/checkpoints /data/savepoints; \
    chown -R flink:flink /data

# Application mode finds the job in usrlib/ (standalone-job, the operator's local:// jarURI).
COPY --chown=flink:flink job/target/requests-lakehouse-job.jar /opt/flink/usrlib/requests-lakehouse-job.jar

# The base image starts as root and its entrypoint steps down to flink; running as flink from the start keeps
# every process unprivileged even when the entrypoint is bypassed.
USER flink
