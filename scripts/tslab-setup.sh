#!/usr/bin/env bash
# Sets up tslab (the TypeScript Jupyter kernel) for the notebooks of a project that depends on fairdiv:
#   bash node_modules/fairdiv/scripts/tslab-setup.sh [--apt]
# Run it from the project folder (the one with package.json and node_modules/fairdiv). It
#   1. checks Debian's Jupyter (jupyter-nbconvert, nbclient, ipykernel); with --apt, as root, installs it,
#      else prints the apt-get command;
#   2. installs tslab 1.0.22 as a dev dependency when node_modules/.bin/tslab is missing;
#   3. registers tslab's kernel spec in ./.jupyter (a project-local prefix: no root, nothing system-wide);
#   4. prints the JUPYTER_PATH to export and the command that executes a notebook.
# Idempotent. Exit non-zero with a message when a step fails.
set -euo pipefail
PROJECT=$PWD
PY=/usr/bin/python3
APT=0
[ "${1:-}" = "--apt" ] && APT=1

[ -f "$PROJECT/package.json" ] || { echo "tslab-setup: run me from your project folder (no package.json in $PROJECT)" >&2; exit 2; }

PACKAGES="jupyter-client jupyter-core jupyter-nbconvert python3-nbclient python3-ipykernel python3-nbformat"
have_jupyter() {
  [ -x /usr/bin/jupyter ] && [ -x "$PY" ] && "$PY" -c 'import jupyter_client, nbclient, nbformat, nbconvert, ipykernel, IPython' >/dev/null 2>&1
}
if ! have_jupyter; then
  if [ "$APT" = 1 ] && [ "$(id -u)" = 0 ]; then
    echo "tslab-setup: installing Debian's Jupyter packages (apt-get)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
    have_jupyter || { echo "tslab-setup: Jupyter still not importable after apt-get" >&2; exit 1; }
  else
    echo "tslab-setup: Debian's Jupyter is missing. Install it (as root), then run me again:" >&2
    echo "  apt-get install -y --no-install-recommends $PACKAGES" >&2
    echo "(or run me as root with --apt)" >&2
    exit 1
  fi
fi

if [ ! -x "$PROJECT/node_modules/.bin/tslab" ]; then
  echo "tslab-setup: npm install --save-dev tslab@1.0.22" >&2
  npm install --save-dev --no-audit --no-fund tslab@1.0.22 >&2
fi
# tslab's zeromq ships prebuilt addons for linux-x64; rebuild it if this Node cannot load them
if ! (cd "$PROJECT" && node -e "require('zeromq')") >/dev/null 2>&1; then
  (cd "$PROJECT" && npm rebuild zeromq >&2) || true
  (cd "$PROJECT" && node -e "require('zeromq')") || { echo "tslab-setup: zeromq does not load; tslab cannot run" >&2; exit 1; }
fi

"$PROJECT/node_modules/.bin/tslab" install --python="$PY" --binary="$PROJECT/node_modules/.bin/tslab" --prefix="$PROJECT/.jupyter" >/dev/null
SPEC="$PROJECT/.jupyter/share/jupyter/kernels/tslab/kernel.json"
[ -f "$SPEC" ] || { echo "tslab-setup: kernel spec not written at $SPEC" >&2; exit 1; }

cat <<EOF
tslab is ready. In this shell:
  export JUPYTER_PATH="$PROJECT/.jupyter/share/jupyter"
then execute a notebook (for example one copied with 'npx fairdiv notebooks notebooks'):
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=tslab --output out.ipynb notebooks/00-getting-started.ipynb
EOF
