#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium through its ChromeDriver, and the pages and
# the reports show Chinese text in WenQuanYi Micro Hei. Install what is missing, each on its own
# (needs root, as in CI); otherwise say what to install.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$HERE/ensure-font.sh"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  echo "[wushe] installing chromium and chromium-driver from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium chromium-driver >/dev/null
else
  echo "[wushe] the browser tests need Debian's chromium and chromium-driver:" >&2
  echo "        sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
