#!/bin/sh
# Ensures Debian's headless-capable Chromium is installed at /usr/bin/chromium (renderer tests).
# Runs `apt-get install -y chromium` when it is missing; exits non-zero (loudly) when that fails.
set -eu
BIN=/usr/bin/chromium
if [ -x "$BIN" ]; then
  exit 0
fi
echo "ensure-chromium: $BIN missing, installing the Debian package 'chromium'..." >&2
if [ "$(id -u)" != "0" ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends chromium >&2; then
  echo "ensure-chromium: install failed, refreshing the package lists and retrying" >&2
  $SUDO apt-get update >&2 || true
  $SUDO apt-get install -y --no-install-recommends chromium >&2 || {
    echo "ensure-chromium: FAILED to install chromium (apt-get install -y chromium)" >&2
    exit 1
  }
fi
if [ ! -x "$BIN" ]; then
  echo "ensure-chromium: FAILED: $BIN still missing after apt-get install" >&2
  exit 1
fi
echo "ensure-chromium: installed $($BIN --version 2>/dev/null || echo chromium)" >&2
