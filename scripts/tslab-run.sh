#!/usr/bin/env bash
# Executes a notebook with tslab under Debian's Jupyter (nbconvert), the way CI checks notebooks.
#   scripts/tslab-run.sh <in.ipynb> [--out out.ipynb] [--html out.html] [--timeout SECONDS] [--allow-errors]
# Installs what it needs through scripts/ensure-jupyter.sh, builds dist/ when it is missing (tslab imports
# the published CommonJS build through node_modules/fairdiv -> ..). Exit status: nbconvert's (1 when a
# cell raises or fails to type-check).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 <in.ipynb> [--out out.ipynb] [--html out.html] [--timeout S] [--allow-errors]" >&2; exit 2; }
IN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; shift
OUT=""; HTML=""; TIMEOUT=120; EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --html) HTML="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --allow-errors) EXTRA+=(--allow-errors); shift ;;
    *) echo "tslab-run: unknown option $1" >&2; exit 2 ;;
  esac
done
bash "$ROOT/scripts/ensure-jupyter.sh"
[ -f "$ROOT/dist/src/index.js" ] && [ -f "$ROOT/dist/src/index.d.ts" ] || (cd "$ROOT" && npm run --silent build >&2)
export JUPYTER_PATH="$ROOT/.jupyter/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1
[ -n "$OUT" ] || OUT="$(mktemp -d)/$(basename "$IN")"
OUT_ABS="$(mkdir -p "$(dirname "$OUT")" && cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
/usr/bin/jupyter nbconvert --to notebook --execute "${EXTRA[@]}" \
  --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout="$TIMEOUT" \
  --output-dir "$(dirname "$OUT_ABS")" --output "$(basename "$OUT_ABS" .ipynb)" "$IN"
if [ -n "$HTML" ]; then
  HTML_ABS="$(mkdir -p "$(dirname "$HTML")" && cd "$(dirname "$HTML")" && pwd)/$(basename "$HTML")"
  /usr/bin/jupyter nbconvert --to html --output-dir "$(dirname "$HTML_ABS")" --output "$(basename "$HTML_ABS" .html)" "$OUT_ABS"
fi
