#!/usr/bin/env bash
# Installs the Debian 12 packages thidua builds with (docs/dependencies.md says why
# each one; clang-14 and its runtimes build the fuzz targets, docs/reliability.md).
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config python3
  tao-pegtl-dev libfmt-dev librange-v3-dev catch2
  libutf8proc-dev nlohmann-json3-dev libcli11-dev
  clang-14 libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
