#!/usr/bin/env bash
# Installs what building and testing actorgraph needs on a Debian or Ubuntu machine, and
# fails within seconds, naming the missing piece, when something cannot be had.
#
#   bash scripts/setup.sh           # build tools, Graphviz, the Python tools and the browser of the tests
#   bash scripts/setup.sh --build   # only what `cargo build` and the demo need
#
# The Python tools (the `oxigraph` server, pyshacl, SPARQLWrapper, networkx) go into a
# virtual environment at .venv/ in the checkout; the tests look there first, then on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

only_build=false
case "${1:-}" in
  --build) only_build=true ;;
  "") ;;
  *) echo "setup: unknown option '$1' (use --build or nothing)" >&2; exit 2 ;;
esac

say() { echo "setup: $*" >&2; }

# bindgen (through clang-sys) dlopens libclang.so or libclang-N.so[.M]. libclang-cpp.so,
# which LLVM's other packages bring along, is a different library and does not do.
has_libclang() {
  local f
  for f in ${LIBCLANG_PATH:+"$LIBCLANG_PATH"/libclang*.so*} /usr/lib/llvm-*/lib/libclang*.so* \
    $(ldconfig -p 2>/dev/null | awk '$1 ~ /^libclang/ {print $NF}'); do
    case "${f##*/}" in
      libclang-cpp*) ;;
      libclang.so* | libclang-[0-9]*.so*) [ -e "$f" ] && return 0 ;;
    esac
  done
  return 1
}

apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      say "please install these packages as root: $*"
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "no apt-get here; please install: $* (Debian/Ubuntu package names)"
    exit 1
  fi
  say "installing $*"
  if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }; then
    say "apt-get could not install: $* (Debian/Ubuntu package names); install them by hand and run this again"
    exit 1
  fi
}

missing=()
has_libclang || missing+=(libclang-dev)
command -v c++ >/dev/null || missing+=(g++)
command -v dot >/dev/null || missing+=(graphviz)
if ((${#missing[@]})); then
  apt_install "${missing[@]}"
fi
if ! has_libclang; then
  say "libclang.so is still missing after installing libclang-dev; RocksDB's bindings cannot be"
  say "generated. Install a libclang-N-dev package or set LIBCLANG_PATH to its lib directory."
  exit 1
fi
command -v c++ >/dev/null || { say "no C++ compiler (g++) after installing it"; exit 1; }
command -v cargo >/dev/null || { say "no cargo: install Rust (https://rustup.rs) first"; exit 1; }

if $only_build; then
  exit 0
fi

command -v python3 >/dev/null || apt_install python3 python3-venv
if [ ! -x .venv/bin/python3 ]; then
  say "creating .venv for the Python tools the tests use"
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv
    python3 -m venv .venv
  fi
fi
# The versions the tests were written against; newer ones are fine too.
.venv/bin/python3 -m pip install -q --disable-pip-version-check \
  'oxigraph>=0.4' 'pyshacl>=0.25' 'sparqlwrapper>=2' 'networkx>=3'
.venv/bin/python3 -c 'import pyshacl, SPARQLWrapper, networkx' \
  || { say "the Python tools did not import after installing them"; exit 1; }
[ -x .venv/bin/oxigraph ] || { say "the oxigraph server command is missing from .venv/bin"; exit 1; }

# The workbench's browser test (tests/workbench.rs) drives Debian's chromium through
# chromedriver; without them it is skipped, saying so, and the other tests still run.
browser=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || browser+=(chromium)
command -v chromedriver >/dev/null || browser+=(chromium-driver)
if ((${#browser[@]})) && ! (apt_install "${browser[@]}"); then
  say "no ${browser[*]}: the workbench's browser test will be skipped"
fi
say "ready: build tools, Graphviz, the Python tools in .venv, and chromium for the browser test"
