#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it when possible; otherwise says exactly what to run.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian for the browser tests..."
  apt-get update -qq && apt-get install -y -qq chromium
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium. Install it, then run the tests again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
