#!/usr/bin/env bash
# Installs what the real-editor tests need on a fresh Debian machine: idempotent, cached in .e2e-cache/.
# Run as root (apt-get); no prompts. apt packages are checked with dpkg; code-server leaves a marker
# in .e2e-cache/markers once it is installed and starts, so a re-run skips it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.e2e-cache"
CODE_SERVER_VERSION="4.100.3"
CS_PREFIX="$CACHE/code-server"
MARKERS="$CACHE/markers"
APT_PACKAGES=(chromium neovim ripgrep libkrb5-dev pkg-config build-essential python3 ca-certificates)
CS_MARKER="$MARKERS/code-server-$CODE_SERVER_VERSION"

export CI=true DEBIAN_FRONTEND=noninteractive
mkdir -p "$MARKERS"

say() { printf '[e2e-setup] %s\n' "$*"; }
die() { printf '[e2e-setup] error: %s\n' "$*" >&2; exit 1; }

# retry N CMD...: flaky mirrors and registries get a few tries with a growing pause.
retry() {
  local tries="$1" n=1; shift
  until "$@"; do
    if (( n >= tries )); then return 1; fi
    say "attempt $n of $tries failed: $*; retrying in $((n * 5)) s"
    sleep $((n * 5)); n=$((n + 1))
  done
}

apt_missing() {
  local pkg missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  printf '%s\n' "${missing[@]}"
}

install_apt() {
  local missing
  missing="$(apt_missing)"
  if [[ -z "$missing" ]]; then
    say "apt packages present: ${APT_PACKAGES[*]}"
    return
  fi
  [[ "$(id -u)" == 0 ]] || die "apt packages missing ($(echo $missing)); run this script as root"
  say "apt-get update"
  retry 3 apt-get update -q
  say "apt-get install $(echo $missing)"
  # shellcheck disable=SC2086
  retry 3 apt-get install -y -q --no-install-recommends $missing
  [[ -z "$(apt_missing)" ]] || die "apt packages still missing: $(apt_missing | tr '\n' ' ')"
}

# @vscode/ripgrep's postinstall downloads rg from GitHub; it uses a cached asset when one is present,
# so put Debian's rg there under the exact name it asks for (read from the package, not assumed).
prefill_ripgrep_cache() {
  local work="$CACHE/tmp/peek" rg_version rg_release target asset
  rm -rf "$work" && mkdir -p "$work"
  say "reading code-server@$CODE_SERVER_VERSION's @vscode/ripgrep version"
  (cd "$work" && retry 3 npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null)
  tar -xzf "$work"/code-server-*.tgz -C "$work" package/lib/vscode/npm-shrinkwrap.json
  rg_version="$(node -e 'const s=require(process.argv[1]);process.stdout.write(s.packages["node_modules/@vscode/ripgrep"].version)' \
    "$work/package/lib/vscode/npm-shrinkwrap.json")"
  (cd "$work" && retry 3 npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null)
  tar -xzf "$work"/vscode-ripgrep-*.tgz -C "$work" package/lib/postinstall.js
  rg_release="$(sed -n "s/^const VERSION = '\(v[^']*\)';.*/\1/p" "$work/package/lib/postinstall.js")"
  [[ -n "$rg_version" && -n "$rg_release" ]] || die "could not read @vscode/ripgrep's version or release"
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) die "unsupported architecture $(uname -m)" ;;
  esac
  asset="$TMPDIR/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_release-$target.tar.gz"
  mkdir -p "$(dirname "$asset")"
  tar -czf "$asset" -C /usr/bin rg
  say "ripgrep cache: $asset (from /usr/bin/rg)"
  rm -rf "$work"
}

install_code_server() {
  if [[ -f "$CS_MARKER" && -x "$CS_PREFIX/node_modules/.bin/code-server" ]]; then
    say "code-server $CODE_SERVER_VERSION present in $CS_PREFIX"
    return
  fi
  command -v rg >/dev/null || die "ripgrep (rg) is not installed"
  export TMPDIR="$CACHE/tmp" npm_config_unsafe_perm=true npm_config_yes=true
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  # No marker: start clean, since a half-finished install (say, an empty ripgrep bin/) would be kept as is.
  rm -rf "$CS_PREFIX" "$CS_MARKER"
  mkdir -p "$TMPDIR" "$CS_PREFIX"
  prefill_ripgrep_cache
  # Its own prefix, so the project's package.json and lockfile stay untouched.
  [[ -f "$CS_PREFIX/package.json" ]] || echo '{ "private": true, "name": "herd-e2e-code-server" }' >"$CS_PREFIX/package.json"
  say "npm install code-server@$CODE_SERVER_VERSION into $CS_PREFIX (about 80 s)"
  retry 2 npm install --prefix "$CS_PREFIX" --loglevel=error "code-server@$CODE_SERVER_VERSION"
  "$CS_PREFIX/node_modules/.bin/code-server" --version >/dev/null || die "code-server does not start"
  [[ -x "$CS_PREFIX/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] || die "code-server's ripgrep is missing"
  touch "$CS_MARKER"
  say "code-server $("$CS_PREFIX/node_modules/.bin/code-server" --version | head -1) installed"
}

start=$(date +%s)
install_apt
install_code_server
say "ready in $(( $(date +%s) - start )) s"
