#!/usr/bin/env bash
# Installs what is missing, builds Release and opens Coroscope on the first lesson.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec build/bin/coroscope "$@"
