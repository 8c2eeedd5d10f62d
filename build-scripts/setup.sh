#!/usr/bin/env bash
# Installs everything the project needs on Debian 12 and runs `npm ci`.
# Idempotent: it installs only what is missing, so running it again costs a second.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: the toolchains, the test libraries, the browser, mpmath for the references,
# fontTools and brotli to cut the maths fonts down to the glyphs the lesson uses.
# clang (for clang++) and libclang-rt-14-dev (the libFuzzer, ASan and UBSan runtimes, which
# clang-14 only recommends and --no-install-recommends skips) build the fuzzing harnesses.
PACKAGES=(
  cmake ninja-build g++ clang-format
  clang libclang-rt-14-dev
  emscripten
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-mpmath python3-fonttools python3-brotli
  chromium
)
# Node.js and npm only when absent: a machine may already have a newer Node from elsewhere.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "==> Instalando paquetes de Debian: ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      echo "Faltan paquetes y no hay permisos de administrador. Ejecuta como root:" >&2
      echo "  apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# npm ci again only when package-lock.json changed since the last install.
stamp=node_modules/.setup-lock-hash
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
  echo "==> Instalando dependencias de npm (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

echo "==> Entorno listo"
