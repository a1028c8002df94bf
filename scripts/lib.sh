# Shared helpers for the project's shell commands (sourced, not run).

# The service's heap: within the 512 MB RSS the service is held to. Its live data after a full
# GC is about 70 MB with 1,000 walls connected; outside the heap, metaspace (~100 MB), G1's own
# structures, code and symbols take about 200 MB more (Native Memory Tracking, docs/operations.md).
# Every 5 s the JVM hands native memory freed since back to the system (malloc_trim; experimental
# in JDK 17.0.9+), so that a peak of native use (the JIT's arenas, a burst of sockets) does not
# stay resident.
: "${GRIDCC_JAVA_OPTS=-Xmx224m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}"
# glibc gives each thread that mallocs its own arena (up to 8 per core), each holding freed memory
# for reuse: the JVM's native allocations (Netty, the JIT, zip) fit in two.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# apt and friends need root; use sudo when the caller is not root and has it.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else fail "need root to run: $*"; fi
}

# Installs Debian packages that are missing (by package name).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing ${missing[*]} (apt)"
  as_root apt-get update -q >/dev/null ||
    fail "apt-get update failed: check the network and the apt sources, then run again"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed; install them by hand and run again"
}

# Who listens on a TCP port, if anyone; port_free succeeds when nobody does.
port_user() { ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1; }
port_free() { [ -z "$(port_user "$1")" ]; }

# Waits until the service at $1 answers its readiness check UP, or its process ($2) dies, at
# most $3 seconds (90).
wait_ready() {
  local base=$1 pid=$2 seconds=${3:-90} i
  for i in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || return 1
    curl -fsS "$base/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"' && return 0
    sleep 0.5
  done
  return 1
}

# Copies the built service to .run/$1 and prints its jar: a later build (./test beside a
# serving ./run) rewrites target/ and must not pull classes from under a running JVM.
stage_app() {
  local repo dest
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dest=$repo/.run/$1
  rm -rf "$dest" && mkdir -p "$repo/.run" && cp -a "$repo/target/quarkus-app" "$dest"
  echo "$dest/quarkus-run.jar"
}
