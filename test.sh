#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests that drive a real berthd (as root, with
# runc, conmon, overlayfs, the docker CLI and docker-java). Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")"
./install.sh --deps-only
export JAVA_HOME="${BERTH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${CI:-}" = true ]; then
  for tool in runc conmon busybox /usr/local/bin/docker; do
    command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing" >&2; exit 1; }
  done
fi
exec ./mvnw -B -Dstyle.color=never -Dberth.it=true install "$@"
