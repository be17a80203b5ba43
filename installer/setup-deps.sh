#!/bin/sh
# Installs what ClusterPlan needs to build, run and test on Debian 12 (bookworm).
# Does nothing when every package is already present; runs apt-get update only when it must
# install. Uses sudo when not run as root.
set -eu

PACKAGES="
build-essential
cmake
ninja-build
pkg-config
qt6-base-dev
qt6-base-dev-tools
qt6-charts-dev
qt6-svg-dev
libqt6sql6-sqlite
libqt6svg6
qt6-qpa-plugins
libgl-dev
libsqlite3-dev
nlohmann-json3-dev
libeigen3-dev
fonts-dejavu-core
xvfb
xauth
poppler-utils
imagemagick
sqlite3
dpkg-dev
file
"

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "setup-deps: all build and test dependencies are installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "setup-deps: installing:$missing"
$SUDO apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
