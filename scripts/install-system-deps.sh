#!/usr/bin/env bash
# Installs what the tests need from Debian: Mosquitto (integration tests start their own broker),
# Chromium (Playwright drives the system browser, never a downloaded one), libfaketime (the
# clock-skew tests run boards on a skewed clock) and nats-server (a three-node NATS cluster with
# its MQTT interface: test/support/nats-cluster.ts).
# Idempotent: prints nothing and changes nothing when both are already present.
set -euo pipefail

missing=()
[[ -x /usr/sbin/mosquitto ]] || missing+=(mosquitto)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/sbin/nats-server ]] || missing+=(nats-server)
compgen -G '/usr/lib/*/faketime/libfaketime.so.1' >/dev/null || missing+=(faketime)
((${#missing[@]} == 0)) && exit 0

if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-system-deps: need root to install ${missing[*]}; run as root or install sudo." >&2
  exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
# Noninteractive (passed through env, which sudo would otherwise reset) so CI without stdin never
# waits on a debconf prompt. The mosquitto package may start a system broker on 1883; harmless,
# since tests start their own on a free port (nats-server likewise on 4222).
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null

# Other distributions name or place these differently (Ubuntu's chromium is a snap stub).
for binary in /usr/sbin/mosquitto /usr/bin/chromium /usr/sbin/nats-server; do
  [[ -x $binary ]] || { echo "install-system-deps: $binary is still missing after apt-get install" >&2; exit 1; }
done
