#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3, the last code-server that runs on Node 20) into the
# git-ignored folder .e2e/code-server, following the verified recipe of the notebook-ecosystem spec §6.4:
#   * Debian packages for the native rebuilds (apt-get, needs root) + Debian's ripgrep;
#   * `npm install --ignore-scripts code-server@4.100.3` in a folder with its own package.json
#     (the postinstall fails here: root + a ripgrep download from GitHub);
#   * lib/vscode production deps, native modules rebuilt with node-gyp against /usr/include/node,
#     ripgrep symlinked to /usr/bin/rg, the links code-server's postinstall.sh would make,
#     built-in extensions' deps, argon2 rebuilt from source.
# Idempotent: a finished install leaves .e2e/code-server/.installed-<version>; a later run only checks
# that code-server still starts (`--version`) and returns. Any failing step exits non-zero, loudly.
# Prints the absolute path of the code-server launcher on stdout as its last line.
set -euo pipefail

VERSION=4.100.3
cd "$(dirname "$0")/../.."
ROOT=$PWD
E2E=$ROOT/.e2e
DIR=$E2E/code-server
MARK=$DIR/.installed-$VERSION
CS=$DIR/node_modules/.bin/code-server
VSC=$DIR/node_modules/code-server/lib/vscode
NODEDIR=${NODEDIR:-$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")}

log() { echo "install-code-server: $*" >&2; }
die() { echo "install-code-server: FAILED: $*" >&2; exit 1; }
step() { log "$1"; shift; "$@" || die "step failed: $*"; }

mkdir -p "$E2E"
# One installer at a time (two test runs started together would otherwise race in node_modules).
exec 9>"$E2E/install.lock"
flock 9

cs_works() { [ -x "$CS" ] && "$CS" --version >/dev/null 2>&1; }

if [ -f "$MARK" ] && cs_works; then
  echo "$CS"
  exit 0
fi
[ -f "$MARK" ] && log "marker present but code-server does not start: reinstalling"
rm -f "$MARK"
START=$(date +%s)

# --- 1. Debian packages --------------------------------------------------------------------------
PKGS=(build-essential pkg-config python3 libx11-dev libxkbfile-dev libsecret-1-dev libkrb5-dev ripgrep)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "Debian packages missing (${missing[*]}) and not root: apt-get install -y ${missing[*]}"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || die "apt-get install ${missing[*]}"
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg (Debian ripgrep) missing"
[ -f "$NODEDIR/include/node/node.h" ] || die "node headers not found under $NODEDIR/include/node (set NODEDIR)"

# --- 2. code-server from npm, scripts off ---------------------------------------------------------
mkdir -p "$DIR"
cat >"$DIR/package.json" <<EOF
{ "name": "fairdiv-e2e-code-server", "private": true, "description": "git-ignored: code-server for the e2e test",
  "dependencies": { "code-server": "$VERSION" } }
EOF
export npm_config_nodedir=$NODEDIR npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
if [ ! -f "$DIR/node_modules/code-server/package.json" ] || \
   ! grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/code-server/package.json"; then
  (cd "$DIR" && step "npm install --ignore-scripts code-server@$VERSION" \
    npm install --ignore-scripts --no-save --loglevel=error "code-server@$VERSION" >&2)
fi
[ -d "$VSC" ] || die "$VSC missing after npm install"

# --- 3. VS Code's own production deps -------------------------------------------------------------
(cd "$VSC" && step "lib/vscode: npm install --omit=dev --ignore-scripts" \
  npm install --omit=dev --ignore-scripts --no-save --loglevel=error >&2)

# --- 4. native modules (node-gyp against the local node headers; no header download) ---------------
GYP=(npx --yes node-gyp)
NPM_GYP=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
[ -f "$NPM_GYP" ] && GYP=(node "$NPM_GYP")
for m in @parcel/watcher node-pty @vscode/spdlog kerberos native-watchdog @vscode/deviceid; do
  md=$VSC/node_modules/$m
  [ -d "$md" ] || die "native module $m not found in $VSC/node_modules"
  if ls "$md"/build/Release/*.node >/dev/null 2>&1; then continue; fi
  (cd "$md" && step "node-gyp rebuild $m" "${GYP[@]}" rebuild --nodedir="$NODEDIR" -j 2 >"$E2E/gyp-${m//\//_}.log" 2>&1) \
    || { tail -30 "$E2E/gyp-${m//\//_}.log" >&2; die "node-gyp rebuild $m (log: $E2E/gyp-${m//\//_}.log)"; }
done

# --- 5. ripgrep, postinstall links ----------------------------------------------------------------
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
ln -sfn /usr/bin/rg "$VSC/node_modules/@vscode/ripgrep/bin/rg"
[ -e "$VSC/node_modules.asar" ] || ln -s node_modules "$VSC/node_modules.asar"
(cd "$VSC/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSC/bin/helpers" && ln -sfn browser-linux.sh browser.sh)

# --- 6. built-in extensions' deps -----------------------------------------------------------------
(cd "$VSC/extensions" && step "lib/vscode/extensions: npm install --omit=dev --ignore-scripts" \
  npm install --omit=dev --ignore-scripts --no-save --loglevel=error >&2)

# --- 7. argon2 (code-server's own native dep; its prebuilt download fails here) -------------------
if ! (cd "$DIR/node_modules/code-server" && node -e "require('argon2')" >/dev/null 2>&1); then
  (cd "$DIR" && step "npm rebuild argon2 --build-from-source" \
    npm rebuild argon2 --build-from-source --foreground-scripts --loglevel=error >"$E2E/argon2.log" 2>&1) \
    || { tail -30 "$E2E/argon2.log" >&2; die "argon2 rebuild"; }
fi

# --- 8. verify -------------------------------------------------------------------------------------
for m in @parcel/watcher node-pty @vscode/spdlog kerberos native-watchdog @vscode/deviceid; do
  ls "$VSC/node_modules/$m"/build/Release/*.node >/dev/null 2>&1 || die "no built addon for $m"
done
(cd "$DIR/node_modules/code-server" && node -e "require('argon2')") || die "argon2 does not load"
cs_works || { "$CS" --version >&2 || true; die "code-server --version does not run"; }
echo "$VERSION installed in $(( $(date +%s) - START )) s on $(date -u +%FT%TZ)" >"$MARK"
log "code-server $("$CS" --version 2>/dev/null | head -1) ready in $(( $(date +%s) - START )) s"
echo "$CS"
