#!/usr/bin/env bash
# Runs one test program in a sealed environment: a throwaway HOME and XDG folders,
# a private D-Bus session bus, a real gnome-keyring unlocked with a throwaway
# password (the Secret Service QtKeychain talks to), and Qt's offscreen platform.
# Nothing of the user's own keychain, config or ~/.ssh is touched.
# --no-keyring: the throwaway HOME only, no D-Bus (the unit and engine tiers need none).
set -euo pipefail
keyring=1
if [ "${1:-}" = --no-keyring ]; then
    keyring=0
    shift
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chorus-test.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
export HOME="$tmp/home"
export XDG_RUNTIME_DIR="$tmp/run"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME/.ssh" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR" "$HOME/.ssh"
export QT_QPA_PLATFORM=offscreen
unset SSH_AUTH_SOCK SSH_AGENT_PID DISPLAY WAYLAND_DISPLAY
if [ "$keyring" = 0 ]; then
    unset DBUS_SESSION_BUS_ADDRESS
    "$@"
    exit
fi
dbus-run-session -- bash -c '
    # --unlock reads the password from stdin and creates the login keyring with it.
    eval "$(printf "chorus-test-throwaway" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    # The daemon leaves by itself when this private bus goes away.
    exec "$@"
' testenv "$@"
