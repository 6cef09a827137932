#!/usr/bin/env bash
# Installs what the tests need (tesseract for OCR checks, the package with its dev extra) and runs
# lint, type checks and the test suite. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: tesseract for the OCR legibility checks, Debian's chromium for the playground's browser tests.
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "${VIRTUAL_ENV:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
python -m pip install -q --upgrade pip >/dev/null
# torch first, from the CPU build (a plain `torch` requirement would pull a multi-GB CUDA build), then the
# diffusers extra so the tiny-pipeline tests of the diffusers backend run instead of skipping.
python -m pip install -q "torch==2.13.0"
python -m pip install -q -e ".[dev,diffusers]"

ruff check src tests tools bench
ruff format --check src tests tools bench
mypy
set +e
python -m pytest -n 2 -q "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit "$rc"
