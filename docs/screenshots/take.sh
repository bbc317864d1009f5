#!/bin/sh
# Retakes the pictures in docs/screenshots (shown in the README): the views
# through `coroscope-cli render`, the window and presenter mode through the
# app itself under Xvfb, on the bundled lessons, at fixed steps.
#
# usage: docs/screenshots/take.sh [BUILD_DIR]     (default: build)
# needs: Xvfb, xdotool, ImageMagick (import)
set -eu
out=$(cd "$(dirname "$0")" && pwd)
build=${1:-$out/../../build}
cli=$build/bin/coroscope-cli
app=$build/bin/coroscope
tmp=$(mktemp -d)
xvfb=
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# One frame of each view, headless, about as tall as what it shows.
"$cli" render concurrent-futures --step 200 --view loop --size 1440x560 -o "$out/view-loop.png"
"$cli" render greenlet --step 45 --view greenlets --size 1200x440 -o "$out/view-greenlets.png"
"$cli" render yield --step 60 --view generators --size 1200x300 -o "$out/view-generators.png"
"$cli" render cancellation --step end --view timeline --size 1440x420 -o "$out/view-timeline.png"

# The app on a virtual screen. shot NAME WIDTHxHEIGHT THEME LESSON STEP PRESENTER_PANES [APP OPTIONS...]
# PRESENTER_PANES "-" leaves presenter mode off.
display=:${COROSCOPE_SHOT_DISPLAY:-87}
shot() {
    name=$1 size=$2 theme=$3 lesson=$4 step=$5 panes=$6
    shift 6
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    home=$tmp/$name
    mkdir -p "$home/config/Coroscope" "$home/data" "$home/runtime"
    chmod 700 "$home/runtime"
    {
        printf '[ui]\ntheme=%s\n' "$theme"
        [ "$panes" = - ] || printf '[presenter]\npanes=%s\n' "$panes"
    } >"$home/config/Coroscope/Coroscope.conf"
    presenter=
    [ "$panes" = - ] || presenter=--presenter
    XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home/runtime DISPLAY=$display \
        "$app" -geometry "${size}+0+0" --lesson "$lesson" --step "$step" $presenter "$@" >/dev/null 2>&1 &
    pid=$!
    sleep 3
    # No window manager maximises it: the window is made as large as the screen.
    for window in $(DISPLAY=$display xdotool search --sync --onlyvisible --pid "$pid" --name Coroscope); do
        DISPLAY=$display xdotool windowmove "$window" 0 0 windowsize "$window" 100% 100%
    done
    sleep 1
    DISPLAY=$display import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    kill "$xvfb"
    wait "$xvfb" 2>/dev/null || true
    xvfb=
}

shot main-light 1440x900 light task 60 -
shot main-dark 1440x900 dark concurrent-futures 200 -
shot presenter-loop 1600x900 high-contrast task 60 "codePane, loopViewDock"
shot presenter-greenlets 1600x900 high-contrast greenlet 45 "codePane, greenletsDock"
shot presenter-generators 1600x900 high-contrast yield 60 "codePane, generatorsDock"
shot presenter-timeline 1600x900 high-contrast cancellation 300 "codePane, timelineDock"
shot whatif 1920x1080 light why-coroutines 0 - --what-if compare-aiohttp
