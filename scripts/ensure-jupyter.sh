#!/usr/bin/env bash
# Makes Debian's Jupyter (nbconvert + nbclient + ipykernel) and a project-local tslab kernel spec available.
#   * installs the Debian packages with apt-get when /usr/bin/jupyter-nbconvert or the Python modules are
#     missing (needs root, as on the project's machines and CI);
#   * installs tslab's kernel spec under $PWD/.jupyter (use JUPYTER_PATH=$PWD/.jupyter/share/jupyter);
#   * links node_modules/fairdiv -> .. so notebooks under the repo can `import ... from 'fairdiv'` in tslab.
# Idempotent and quiet when everything is already in place. Exit non-zero (with a message) on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3

have_jupyter() {
  [ -x /usr/bin/jupyter ] && [ -x "$PY" ] && \
    "$PY" -c 'import jupyter_client, nbclient, nbformat, nbconvert, ipykernel, IPython' >/dev/null 2>&1
}

if ! have_jupyter; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-jupyter: Debian's Jupyter packages are missing and we are not root; run as root:" >&2
    echo "  apt-get install -y --no-install-recommends jupyter-client jupyter-core jupyter-nbconvert python3-nbclient python3-ipykernel python3-nbformat" >&2
    exit 1
  fi
  echo "ensure-jupyter: installing Debian's Jupyter packages (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends \
    jupyter-client jupyter-core jupyter-nbconvert python3-nbclient python3-ipykernel python3-nbformat >/dev/null
  have_jupyter || { echo "ensure-jupyter: Jupyter still not importable after apt-get install" >&2; exit 1; }
fi

# tslab's zeromq must load (it ships prebuilt addons for linux-x64; npm 11 skips its install script).
if ! node -e "require('zeromq')" >/dev/null 2>&1; then
  echo "ensure-jupyter: zeromq's native addon does not load; trying 'npm rebuild zeromq'" >&2
  npm rebuild zeromq >&2 || true
  node -e "require('zeromq')" || { echo "ensure-jupyter: zeromq unusable, tslab cannot run" >&2; exit 1; }
fi

SPEC="$ROOT/.jupyter/share/jupyter/kernels/tslab/kernel.json"
if [ ! -f "$SPEC" ] || ! grep -q "$ROOT/node_modules/.bin/tslab" "$SPEC"; then
  [ -x "$ROOT/node_modules/.bin/tslab" ] || { echo "ensure-jupyter: node_modules/.bin/tslab missing (npm install)" >&2; exit 1; }
  "$ROOT/node_modules/.bin/tslab" install --python="$PY" --binary="$ROOT/node_modules/.bin/tslab" \
    --prefix="$ROOT/.jupyter" >/dev/null
fi
[ -f "$SPEC" ] || { echo "ensure-jupyter: tslab kernel spec not installed at $SPEC" >&2; exit 1; }

# `import ... from 'fairdiv'` from notebooks/ (tslab resolves through node_modules, Node10 style).
if [ ! -e "$ROOT/node_modules/fairdiv" ]; then
  ln -s .. "$ROOT/node_modules/fairdiv"
fi
echo "ensure-jupyter: ok (JUPYTER_PATH=$ROOT/.jupyter/share/jupyter)" >&2
