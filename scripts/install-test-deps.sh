#!/usr/bin/env bash
# Installs the system packages the tests need, only those missing: Chromium (the engine Electron
# uses; e2e tests drive it), Japanese fonts (real screenshots and PDFs) and poppler-utils (pdftotext).
# Debian/Ubuntu via apt; elsewhere it says what to install and how to point the tests at a browser.
set -euo pipefail

missing=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  missing+=(chromium)
fi
if ! (command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'); then
  missing+=(fonts-noto-cjk)
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "Test dependencies present: Chromium, Noto CJK fonts, poppler-utils."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (or set CHROME_PATH to a Chromium or Chrome executable)." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} with apt-get…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
echo "Installed ${missing[*]}."
