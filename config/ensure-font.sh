#!/usr/bin/env bash
# The reports embed a CJK font in their PDFs and draw their charts with it: by default WenQuanYi
# Micro Hei from Debian's package fonts-wqy-microhei. The installation setting wushe.reports.font
# (config/wushe.properties, or the environment variable WUSHE_REPORTS_FONT) may name another
# TrueType font (.ttf/.ttc with glyf outlines). Install the package when the default font is
# missing (needs root, as in CI); otherwise say what to install.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFAULT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
font="${WUSHE_REPORTS_FONT:-}"
if [ -z "$font" ] && [ -f "$REPO/config/wushe.properties" ]; then
  font="$(sed -n 's/^[[:space:]]*wushe\.reports\.font[[:space:]]*=[[:space:]]*//p' "$REPO/config/wushe.properties" | tail -1)"
fi
font="${font:-$DEFAULT}"
if [ -f "$font" ]; then
  exit 0
fi
if [ "$font" != "$DEFAULT" ]; then
  echo "[wushe] the report font $font (wushe.reports.font) does not exist: install it, or leave the setting" >&2
  echo "        empty for WenQuanYi Micro Hei (sudo apt-get install -y fonts-wqy-microhei)" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  echo "[wushe] installing fonts-wqy-microhei (the reports' CJK font) from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq fonts-wqy-microhei >/dev/null
else
  echo "[wushe] the reports need the CJK font $DEFAULT (wushe.reports.font):" >&2
  echo "        sudo apt-get install -y fonts-wqy-microhei" >&2
  exit 1
fi
