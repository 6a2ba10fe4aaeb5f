#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it when possible; otherwise says exactly what to run.
set -euo pipefail
# Arabic and Devanagari glyphs for the pages in Arabic and Hindi (system fonts only: Ladder
# sends no web font; decision 040). Test setup only: Ladder itself needs no font package.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=hi 2>/dev/null | head -1)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Noto fonts (Arabic, Devanagari) for the browser tests..."
    apt-get install -y -qq fonts-noto-core >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq fonts-noto-core)
  else
    echo "The browser tests check Arabic and Hindi pages: install fonts-noto-core (sudo apt-get install -y fonts-noto-core)." >&2
  fi
fi
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian for the browser tests..."
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium. Install it, then run the tests again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
