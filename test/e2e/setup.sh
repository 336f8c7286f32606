#!/usr/bin/env bash
# Sets up everything the end-to-end tests need to run the extension in a real
# VS Code: code-server (VS Code in the browser, from the npm registry) driven by
# Debian's Chromium through playwright-core.
#
# Idempotent: Debian packages are installed only when missing, and the
# code-server install is skipped when its marker file says it is complete.
# Uses only the Debian archive and the npm registry (see /work/shared/e2e-notes.md).
#
#   test/e2e/setup.sh           # install what is missing
#   test/e2e/setup.sh --force   # reinstall code-server from scratch
#
# Takes about 2 minutes on a fresh Debian 12 machine (Debian packages ~35 s,
# code-server and its native modules ~70 s; measured on 2 cores), 1 s when done.
#
# Environment: CODE_SERVER_VERSION (default 4.100.3), SKIP_APT=1 to skip the
# Debian package step (e.g. when the packages come from elsewhere).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="$HERE/.vscode-server"
MARKER="$PREFIX/.setup-complete"
CS="$PREFIX/node_modules/code-server"
VSC="$CS/lib/vscode"
# libreoffice-calc-nogui: test/unit/cross opens `nianbao data` CSV in LibreOffice (soffice) to prove it splits into columns.
# libreoffice-writer-nogui: test/unit/export/export.integration.test.ts converts the exported .docx to PDF.
# pre-commit, git, neovim, emacs-nox + elpa-eglot + elpa-markdown-mode: test/unit/ci/*.integration.test.ts run
# the pre-commit hooks for real and use Neovim 0.7 and Emacs's eglot as other LSP clients.
# fonts-arphic-uming: the CJK face of the WPS-like PDFs bench/pdf.ts makes (the bench step `pdf`, and its smoke run in
# test/unit/perf/bench-smoke.integration.test.ts) and test/fixtures/pdf/generate.ts.
APT_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium fonts-noto-cjk libreoffice-calc-nogui libreoffice-writer-nogui pre-commit git neovim emacs-nox elpa-eglot elpa-markdown-mode fonts-arphic-uming)
NATIVE_MODULES=(@parcel/watcher kerberos native-watchdog @vscode/spdlog @vscode/deviceid @vscode/policy-watcher @vscode/sqlite3)
NPM_FLAGS=(--no-audit --no-fund --loglevel=error)

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

START=$(date +%s)
say() { printf '[e2e-setup +%3ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }
die() { say "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- Debian packages
install_apt() {
  if [[ "${SKIP_APT:-0}" == "1" ]]; then
    say "SKIP_APT=1: not checking Debian packages"
    return
  fi
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "Debian packages already installed: ${APT_PACKAGES[*]}"
    return
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  say "Debian packages installed"
}

# ---------------------------------------------------------------- code-server
install_code_server() {
  if [[ $FORCE -eq 0 && -f "$MARKER" && "$(cat "$MARKER")" == "code-server@$CODE_SERVER_VERSION" && -f "$CS/out/node/entry.js" ]]; then
    say "code-server@$CODE_SERVER_VERSION already set up in $PREFIX (marker $MARKER); use --force to redo"
    return
  fi
  command -v node >/dev/null || die "node is not on PATH (Node 20 is required)"
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [[ "$node_major" == "20" ]] || say "WARNING: code-server $CODE_SERVER_VERSION is built for Node 20; found $(node --version)"

  rm -f "$MARKER"
  if [[ $FORCE -eq 1 ]]; then
    say "--force: removing $PREFIX"
    rm -rf "$PREFIX"
  fi
  mkdir -p "$PREFIX"
  # Own package.json so npm installs here and never touches the repository root.
  cat >"$PREFIX/package.json" <<EOF
{
  "name": "nianbao-e2e-vscode-server",
  "private": true,
  "description": "code-server for nianbao end-to-end tests; created by test/e2e/setup.sh (gitignored)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
EOF

  say "npm install code-server@$CODE_SERVER_VERSION --ignore-scripts (in $PREFIX)"
  (cd "$PREFIX" && npm install "${NPM_FLAGS[@]}" --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION")

  say "npm install --omit=dev --ignore-scripts (in lib/vscode)"
  (cd "$VSC" && npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts)

  local present=()
  for m in "${NATIVE_MODULES[@]}"; do
    [[ -d "$VSC/node_modules/$m" ]] && present+=("$m")
  done
  say "npm rebuild native modules: ${present[*]}"
  (cd "$VSC" && npm rebuild "${NPM_FLAGS[@]}" "${present[@]}")

  if [[ -d "$VSC/node_modules/node-pty" ]]; then
    say "npm rebuild node-pty (a failure only loses the integrated terminal)"
    if (cd "$VSC" && npm rebuild "${NPM_FLAGS[@]}" node-pty >/dev/null 2>&1); then
      say "node-pty built"
    else
      say "node-pty did not build (expected; tests do not use the terminal)"
    fi
  fi

  local rg
  rg="$(command -v rg || true)"
  [[ -n "$rg" ]] || rg=/usr/bin/rg
  [[ -x "$rg" ]] || die "ripgrep (rg) not found; install the Debian package ripgrep"
  say "copying $rg to @vscode/ripgrep/bin/rg"
  mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
  cp -f "$rg" "$VSC/node_modules/@vscode/ripgrep/bin/rg"

  say "ln -sfn node_modules node_modules.asar (in lib/vscode)"
  (cd "$VSC" && ln -sfn node_modules node_modules.asar)

  say "npm install --omit=dev --ignore-scripts (in lib/vscode/extensions)"
  (cd "$VSC/extensions" && npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts)

  # npm hoists argon2 next to code-server (not under it), so rebuild from the
  # prefix, which covers every copy in the tree.
  say "npm rebuild argon2 (in $PREFIX)"
  (cd "$PREFIX" && npm rebuild "${NPM_FLAGS[@]}" argon2)
  [[ -n "$(find "$PREFIX/node_modules" -path '*argon2/lib/binding/*' -name argon2.node -print -quit)" ]] \
    || die "argon2 native binding was not built"

  say "checking: code-server --version"
  local v
  # Keep code-server from writing ~/.config/code-server/config.yaml.
  local tmpcfg
  tmpcfg="$(mktemp -d)"
  v="$(XDG_CONFIG_HOME="$tmpcfg" XDG_DATA_HOME="$tmpcfg" node "$CS/out/node/entry.js" --version 2>&1 | grep -E '^[0-9]+\.[0-9]+' | head -n 1 || true)"
  rm -rf "$tmpcfg"
  say "  -> $v"
  [[ "$v" == "$CODE_SERVER_VERSION"* ]] || die "code-server --version printed '$v'"

  echo "code-server@$CODE_SERVER_VERSION" >"$MARKER"
  say "code-server set up in $PREFIX"
}

say "nianbao e2e setup: code-server@$CODE_SERVER_VERSION into $PREFIX"
install_apt
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing (Debian package chromium)"
install_code_server
say "done in $(( $(date +%s) - START ))s"
