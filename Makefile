# Chorus: `make run` starts the GUI on a demo fleet, `make test` runs every suite.
# Both install missing Debian packages first (apt-get, through sudo when not root).

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CTEST_ARGS ?=

DEB_PACKAGES := build-essential cmake ccache pkg-config \
	qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev \
	libssh-dev qtkeychain-qt6-dev libqcustomplot-dev libqt6sql6-sqlite libyaml-cpp-dev libvterm-dev \
	openssh-server openssh-client gnome-keyring dbus dbus-x11 libsecret-tools xvfb xauth \
	procps iproute2 python3 python3-asyncssh sudo passwd mount \
	dropbear-bin tinysshd ucspi-tcp netcat-openbsd \
	qt6-translations-l10n libqt6svg6 desktop-file-utils fonts-droid-fallback \
	dpkg-dev zsh man-db
BENCH_PACKAGES := pssh clustershell ansible-core python3-asyncssh time xterm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps bench-deps configure build run test unit package bench screenshots translations format clean

all: build

# Quick when everything is there: one dpkg-query, no apt-get.
deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${Status}\n' $(DEB_PACKAGES) 2>/dev/null \
	    | awk '$$NF == "installed" { print $$1 }' | sort > /tmp/chorus-have.$$$$; \
	    for p in $(DEB_PACKAGES); do grep -qx "$$p" /tmp/chorus-have.$$$$ || echo $$p; done; \
	    rm -f /tmp/chorus-have.$$$$); \
	if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bench-deps: deps
	@missing=$$(for p in $(BENCH_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
	    | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/chorus --demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure $(CTEST_ARGS)

# The model's own tests: builds chorus_model and the unit tier only, runs without D-Bus or a display.
unit: configure
	cmake -S . -B $(BUILD_DIR) >/dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS) --target unit_tests
	cd $(BUILD_DIR) && ctest -L unit --output-on-failure $(CTEST_ARGS)

# A .deb of the build in $(BUILD_DIR) (chorus_VERSION_ARCH.deb): sudo dpkg -i $(BUILD_DIR)/chorus_*.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB

bench: bench-deps build
	python3 tests/bench/bench.py --build-dir $(BUILD_DIR)
	python3 tests/bench/transferbench.py --build-dir $(BUILD_DIR)
	python3 tests/bench/scalebench.py --build-dir $(BUILD_DIR) --hosts 2000
	python3 tests/bench/jumpbench.py --build-dir $(BUILD_DIR) --hosts 200
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/chorus-comparebench --hosts 200 --lines 10000 --kv-lines 2000 --runs 5
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/chorus-guibench --hosts 1000
	xvfb-run -a -s "-screen 0 1280x800x24" $(BUILD_DIR)/tests/chorus-terminalbench --mib 200 --tiles 32

# Pictures of the real program on the demo fleet, under a virtual X server: in English, in
# Simplified Chinese (*-zh_CN.png) and on the dark palette (*-dark.png). A throwaway config folder
# keeps the user's own language and colour settings out of it.
screenshots: build
	xvfb-run -a -s "-screen 0 1280x720x24" $(BUILD_DIR)/app/chorus --demo --screenshots resources/screenshots
	cfg=$$(mktemp -d) && XDG_CONFIG_HOME=$$cfg LANGUAGE=zh_CN LANG=zh_CN.UTF-8 \
	    xvfb-run -a -s "-screen 0 1280x720x24" $(BUILD_DIR)/app/chorus --demo --screenshots resources/screenshots; \
	    status=$$?; rm -rf $$cfg; exit $$status
	xvfb-run -a -s "-screen 0 1280x720x24" $(BUILD_DIR)/app/chorus --demo --theme dark --screenshots resources/screenshots

# Brings translations/*.ts up to date with the sources (lupdate); then translate the new entries.
translations: configure
	cmake --build $(BUILD_DIR) --target update_translations

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
