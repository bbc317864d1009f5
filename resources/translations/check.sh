#!/usr/bin/env bash
# Checks that the UI has no untranslated string: runs lupdate over app/gui
# into temporary copies of the catalogues and fails if lupdate found a string
# that is new, unfinished or empty there. The real .ts files are not touched.
#
#   resources/translations/check.sh [path/to/lupdate]
#
# To add the missing strings for translating, run the same lupdate commands
# on the real files (or build the `update_translations` target for zh_CN).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lupdate="${1:-${LUPDATE:-}}"
if [[ -z "$lupdate" ]]; then
    if [[ -x /usr/lib/qt6/bin/lupdate ]]; then lupdate=/usr/lib/qt6/bin/lupdate
    else lupdate="$(command -v lupdate6 || command -v lupdate)"; fi
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The copies live next to the originals' relative layout so that lupdate's
# relative locations stay valid: mirror resources/translations under $tmp.
mkdir -p "$tmp/resources/translations"
ln -s "$root/app" "$tmp/app"
cp "$here/coroscope_zh_CN.ts" "$here/coroscope_en.ts" "$tmp/resources/translations/"

status=0
for lang in zh_CN en; do
    ts="$tmp/resources/translations/coroscope_$lang.ts"
    extra=()
    # English only carries plural forms; every other string is its own source.
    [[ "$lang" == en ]] && extra=(-pluralonly)
    (cd "$tmp" && "$lupdate" -silent -I "$root" -locations relative "${extra[@]}" \
        app/gui -ts "resources/translations/coroscope_$lang.ts") >/dev/null
    # A message is missing if its translation is unfinished, or if it is a
    # non-plural <translation></translation> or a plural with an empty form.
    missing="$(python3 - "$ts" <<'PY'
import sys, xml.etree.ElementTree as ET
for ctx in ET.parse(sys.argv[1]).getroot().iter('context'):
    name = ctx.findtext('name')
    for m in ctx.iter('message'):
        t = m.find('translation')
        forms = [f.text or '' for f in t.findall('numerusform')] if m.get('numerus') == 'yes' else [t.text or '']
        if t.get('type') in ('unfinished', None) and (t.get('type') == 'unfinished' or any(not f.strip() for f in forms)):
            print(f"  [{name}] {m.findtext('source')!r}")
PY
)"
    if [[ -n "$missing" ]]; then
        echo "coroscope_$lang.ts: untranslated UI strings:"
        echo "$missing"
        status=1
    fi
done
if [[ $status -eq 0 ]]; then echo "translations: every UI string is translated"; fi
exit $status
