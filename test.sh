#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests that drive a real berthd (as root, with
# runc, conmon, overlayfs, the docker CLI and docker-java). Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")"
./install.sh --deps-only
# the tests' own peers: a registry (distribution 2.8), skopeo, htpasswd for Basic auth, and
# python3 for the networking tests' UDP listener and client in namespaces of their own
TEST_PACKAGES=(docker-registry skopeo apache2-utils python3)
missing=()
for p in "${TEST_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export JAVA_HOME="${BERTH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${CI:-}" = true ]; then
  for tool in runc conmon busybox /usr/local/bin/docker docker-registry skopeo htpasswd python3 nsenter \
      /usr/lib/podman/netavark /usr/lib/podman/aardvark-dns /usr/bin/tini-static; do
    command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing" >&2; exit 1; }
  done
  # the default seccomp profile's source (golang-github-containers-common)
  [ -r /usr/share/containers/seccomp.json ] || { echo "test.sh: /usr/share/containers/seccomp.json is missing" >&2; exit 1; }
fi
exec ./mvnw -B -Dstyle.color=never -Dberth.it=true install "$@"
