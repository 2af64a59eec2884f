# Shared by build-aux/run, build-aux/test and build-aux/bench: install what is
# missing, then configure and build. Sourced, not run.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf 'lento: %s\n' "$*" >&2; }

# Installs the Debian packages listed in build-aux/deps that dpkg-query does
# not report as installed.
lento_ensure_deps() {
  local missing=() pkg status
  while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
  done < "$top/build-aux/deps"

  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      say "These packages are needed but missing: ${missing[*]}"
      say "Install them as root (apt-get install ${missing[*]}), or install sudo, then run this again."
      exit 1
    fi
  fi

  say "Installing ${#missing[@]} missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get update -q; then
    say "apt-get update failed: check the network and the apt sources, then run this again."
    exit 1
  fi
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    say "apt-get install failed for: ${missing[*]}"
    exit 1
  fi
}

# lento_build DIR [MESON OPTIONS...]: configures DIR when needed and compiles it.
lento_build() {
  local dir=$1
  shift
  if [ ! -f "$top/$dir/build.ninja" ]; then
    meson setup "$top/$dir" "$top" "$@" || return 1
  fi
  meson compile -C "$top/$dir" || return 1
}
