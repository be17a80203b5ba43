#!/bin/sh
# Installs what ClusterPlan needs to build, run and test on Debian 12 (bookworm), and generates
# the German locale (de_DE.UTF-8) the locale tests write files under.
# Team workspaces on PostgreSQL (docs/team-workspace.md): libqt6sql6-psql (Qt's PostgreSQL
# driver) and libpq-dev (the URI parser) to build and run; postgresql-15 for the tests, which
# start a throwaway server of their own (initdb and pg_ctl, no system service is used). Its
# package creates the unprivileged 'postgres' user the tests run that server as when root.
# Does nothing when every package and the locale are already present; runs apt-get update only
# when it must install. Uses sudo when not run as root.
#
#   installer/setup-deps.sh        build, run and test (the README's commands)
#   installer/setup-deps.sh --ci   also the tools .ci/run uses after the README's tests:
#                                  clang with its fuzzer and sanitizer runtimes, lintian,
#                                  debootstrap (the fresh-machine check), ccache
set -eu

PACKAGES="
build-essential
cmake
ninja-build
pkg-config
qt6-base-dev
qt6-base-dev-tools
qt6-charts-dev
libqt6opengl6-dev
qt6-svg-dev
libqt6sql6-sqlite
libqt6sql6-psql
libpq-dev
libqt6svg6
qt6-qpa-plugins
libgl-dev
libsqlite3-dev
nlohmann-json3-dev
libeigen3-dev
coinor-libcbc-dev
coinor-libclp-dev
zlib1g-dev
fonts-dejavu-core
xvfb
xauth
poppler-utils
imagemagick
sqlite3
dpkg-dev
file
locales
postgresql-15
"

CI_PACKAGES="
ccache
debootstrap
clang
libclang-rt-14-dev
lintian
"

case "${1:-}" in
"") ;;
--ci) PACKAGES="$PACKAGES $CI_PACKAGES" ;;
*)
    echo "usage: $0 [--ci]" >&2
    exit 2
    ;;
esac

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -n "$missing" ]; then
    echo "setup-deps: installing:$missing"
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# "de_DE.utf8" is how `locale -a` lists de_DE.UTF-8.
if ! locale -a 2>/dev/null | grep -qx 'de_DE\.utf8'; then
    echo "setup-deps: generating the locale de_DE.UTF-8 (for the locale tests)"
    if grep -q '^# *de_DE\.UTF-8 UTF-8' /etc/locale.gen; then
        $SUDO sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    elif ! grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen; then
        echo 'de_DE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
    $SUDO locale-gen
fi

if [ -z "$missing" ]; then
    echo "setup-deps: all dependencies are installed"
fi
