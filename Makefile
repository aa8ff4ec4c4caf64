# convene -- see README.md.  `make` builds ./convene; `make test` runs every
# test with -Werror; `make bench`, `make fuzz`, `make sanitize`; `make install`
# honours PREFIX and DESTDIR.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/convene
MANDIR    = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
# bash-completion's directory for completions loaded on demand
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
# The sessions directory of a shared host (issue 16): the only place where a
# setgid convene uses its group (src/sessdir.h); `convene --version` prints
# it.  Compiled into main.o alone, so that changing it relinks.
SESSIONSDIR ?= /var/lib/convene

CC       ?= cc
OPT      ?= -O2 -g
WERROR   ?=
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wmissing-prototypes \
            -Wstrict-prototypes -Wwrite-strings -Wundef -Wpointer-arith -Wcast-qual
# Hardening (issue 16): stack protector, fortified libc calls (which need
# optimisation: OPT, or -O1 under `make sanitize`), a position-independent
# executable, and full RELRO with immediate binding so that the GOT is
# read-only before main runs.  tests/e2e/verify_hardening.sh checks the
# built binary.
HARDEN_CPPFLAGS = -D_FORTIFY_SOURCE=2
HARDEN_CFLAGS   = -fstack-protector-strong -fPIE
HARDEN_LDFLAGS  = -pie -Wl,-z,relro,-z,now
# The project's own flags live in CONVENE_*: the rules put them before the
# standard CPPFLAGS, CFLAGS and LDFLAGS, so that a packager's
# `make CFLAGS=...` (a command-line variable, which would override a +=)
# adds to them instead of replacing them.
CONVENE_CPPFLAGS = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc \
            -DCONVENE_VERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
            -DLOCALEDIR='"$(LOCALEDIR)"' $(HARDEN_CPPFLAGS)
CONVENE_CFLAGS   = -std=c11 $(OPT) $(WARN) $(WERROR) $(SAN) $(HARDEN_CFLAGS)
CONVENE_LDFLAGS  = $(SAN) $(HARDEN_LDFLAGS)
ALL_CPPFLAGS     = $(CONVENE_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS       = $(CONVENE_CFLAGS) $(CFLAGS)
ALL_LDFLAGS      = $(CONVENE_LDFLAGS) $(LDFLAGS)

NCURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags ncursesw 2>/dev/null))
NCURSES_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
ICU_LIBS       := $(shell pkg-config --libs icu-i18n icu-uc 2>/dev/null || echo -licui18n -licuuc -licudata)
CMOCKA_LIBS    := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# libxlsxwriter is not linked: export loads it when it writes outcomes.xlsx
# (src/xlsx_lib.h), so that participant terminals never map it (nor zlib,
# minizip and libcrypto with it).  Its header is needed to build.
CORE_LIBS       = -lcsv -liniparser -lcrypt $(ICU_LIBS)

B = build
CORE_SRC    := $(filter-out src/main.c,$(wildcard src/*.c))
SCREENS_SRC := $(wildcard screens/*.c)
CORE_OBJ    := $(CORE_SRC:%.c=$(B)/%.o)
SCREENS_OBJ := $(SCREENS_SRC:%.c=$(B)/%.o)
LIB          = $(B)/libconvene.a
TEST_SRC    := $(wildcard tests/test_*.c)
TESTS       := $(TEST_SRC:tests/%.c=tests/bin/%)
BENCH_SRC   := $(wildcard bench/*.c)
BENCHES     := $(BENCH_SRC:bench/%.c=bench/bin/%)
PO          := $(wildcard po/*.po)
MO          := $(PO:po/%.po=$(B)/locale/%/LC_MESSAGES/convene.mo)
MANPAGES    := $(wildcard man/*.[15])

.PHONY: all test unit e2e bench fuzz sanitize clean install uninstall demo \
        install-host uninstall-host \
        deps deb check-layering man-check pot update-po po-check clang-check \
        clang-objects fresh-check FORCE

all: convene $(MO)

# Rebuild everything when the flags change (make test adds -Werror).
$(B)/.flags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS)' | cmp -s - $@ || \
	    echo '$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS)' > $@

$(B)/.sessionsdir: FORCE
	@mkdir -p $(B)
	@case '$(SESSIONSDIR)' in /*) ;; *) echo 'SESSIONSDIR must be an absolute path'; exit 2 ;; esac
	@case '$(SESSIONSDIR)' in *[\\\"\ ]*) echo 'SESSIONSDIR may not hold quotes, backslashes or spaces'; exit 2 ;; esac
	@echo '$(SESSIONSDIR)' | cmp -s - $@ || echo '$(SESSIONSDIR)' > $@

$(B)/src/main.o: src/main.c $(B)/.flags $(B)/.sessionsdir
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -DSESSIONSDIR='"$(SESSIONSDIR)"' $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/src/%.o: src/%.c $(B)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/screens/%.o: screens/%.c $(B)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(NCURSES_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

convene: $(B)/src/main.o $(SCREENS_OBJ) $(LIB) $(B)/.flags
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(B)/src/main.o $(SCREENS_OBJ) $(LIB) $(NCURSES_LIBS) $(CORE_LIBS)

# Tests and benchmarks are compiled and linked in one step; their
# dependency files (the fixture headers they include) go under $(B), so
# that editing tests/session_fixture.h rebuilds the tests that use it.
tests/bin/%: tests/%.c $(LIB) $(B)/.flags
	@mkdir -p $(@D) $(B)/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -MMD -MP -MF $(B)/tests/$*.d -o $@ $< $(LIB) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(CORE_LIBS)

bench/bin/%: bench/%.c $(LIB) $(B)/.flags
	@mkdir -p $(@D) $(B)/bench
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -MF $(B)/bench/$*.d -o $@ $< $(LIB) $(ALL_LDFLAGS) $(CORE_LIBS)

$(B)/locale/%/LC_MESSAGES/convene.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

# POT: where `make pot` writes the template (a test writes it elsewhere).
# A comment starting "Translators:" just above a string goes into the
# template with it (what a %s is, how many columns the text may take).
POT ?= po/convene.pot
XGETTEXT_FLAGS = --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 \
    --add-comments=Translators: --package-name=convene \
    --package-version=$(VERSION)
pot: $(POT)
$(POT): $(CORE_SRC) $(SCREENS_SRC) src/main.c
	xgettext $(XGETTEXT_FLAGS) -o $@ $^

# The catalogues brought up to date with the sources (new strings added
# untranslated, changed ones marked fuzzy, gone ones made obsolete).
update-po: $(POT)
	@for po in $(PO); do echo "msgmerge $$po"; \
	    msgmerge --quiet --update --backup=none $$po $(POT) || exit 1; done

# Fails on a catalogue that is incomplete (untranslated or fuzzy), stale
# (not merged with today's sources) or refused by msgfmt -c; `make test`
# runs it as a warning only (tools/po-check says why).
po-check:
	@mkdir -p $(B)
	@$(MAKE) -s pot POT=$(B)/po-check.pot
	@./tools/po-check $(B)/po-check.pot $(PO)

# The whole suite, warnings as errors.  Unit tests (cmocka), then the
# end-to-end tests that drive the real binary in tmux.
test:
	@./tools/deps
	$(MAKE) WERROR=-Werror all $(TESTS)
	$(MAKE) WERROR=-Werror check-layering man-check
	@$(MAKE) -s pot POT=$(B)/po-check.pot && \
	    ./tools/po-check --warn $(B)/po-check.pot $(PO)
	@./tests/run-unit $(TESTS)
	@./tests/run-e2e

unit: all $(TESTS)
	@./tests/run-unit $(TESTS)

e2e: all
	@./tests/run-e2e

sanitize:
	$(MAKE) clean
	$(MAKE) WERROR=-Werror OPT='-O1 -g -fno-omit-frame-pointer' \
	    SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' test

# What building says goes to stderr: stdout is the figures' rows alone.
bench:
	@$(MAKE) --no-print-directory all $(BENCHES) >&2
	@./bench/run $(BENCHES)

fuzz:
	@./tests/fuzz/run $(FUZZ_SECONDS)

# Every source compiled with clang too (issue: clean under gcc and clang),
# into build/clang so that it never disturbs the gcc build.
clang-check:
	@command -v clang >/dev/null 2>&1 || \
	    { echo 'clang-check: clang is not installed (apt-get install clang)'; exit 2; }
	$(MAKE) B=$(B)/clang CC=clang WERROR=-Werror clang-objects
clang-objects: $(LIB) $(B)/src/main.o $(SCREENS_OBJ)

# src/ is the UI-free core: it never includes curses.
check-layering:
	@if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' src; then \
	    echo 'check-layering: src/ must not include curses'; exit 1; fi

# Both the terminal device (what man(1) shows) and the default one: a
# glyph missing from one device warns only there.
man-check:
	@for m in $(MANPAGES); do for t in -Tutf8 -Tps; do \
	    out=$$(LC_ALL=C.UTF-8 groff -mandoc -ww $$t $$m 2>&1 >/dev/null); \
	    if [ -n "$$out" ]; then echo "$$m ($$t): $$out"; exit 1; fi; \
	    done; done

demo: deps all
	./convene demo

deps:
	@./tools/deps

# The Debian package (debian/), built by dpkg-buildpackage from a copy of
# the tree into DEBDIR and checked with lintian (tools/make-deb).
DEBDIR ?= $(B)/deb
deb:
	@./tools/make-deb $(DEBDIR)

# A clean clone of HEAD passes `make test` in a minimal Debian 12 chroot
# (as root, with debootstrap; the first run makes the image).
fresh-check:
	@./tools/fresh-check

# The binary `make install` installs (the multi-user tests install one
# built for their own sessions directory).
CONVENE_BIN ?= convene

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(CONVENE_BIN) $(DESTDIR)$(BINDIR)/convene
	install -m 644 completions/convene $(DESTDIR)$(BASHCOMPDIR)/convene
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	rm -rf $(DESTDIR)$(DATADIR)/content
	cp -R content $(DESTDIR)$(DATADIR)/
	chmod -R u+w,a+rX $(DESTDIR)$(DATADIR)/content
	@for mo in $(MO); do l=$${mo#$(B)/locale/}; \
	    install -D -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/convene $(DESTDIR)$(MANDIR)/man1/convene.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/convene
	rm -f $(DESTDIR)$(MANDIR)/man5/convene-content.5 $(DESTDIR)$(MANDIR)/man5/convene-journal.5
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/convene.mo

# A shared host in one command (issue 16, README "Hosting a workshop"):
#   make install-host PREFIX=P SESSIONSDIR=D GROUP=G [KIOSK_USER=U [KIOSK_SESSION=S]]
# installs as `make install` does, then (tools/install-host) makes the group,
# the binary setgid G, D mode 2770 group G, and optionally the kiosk
# account with an sshd drop-in (ForceCommand, no forwarding); it prints
# every step and records what it made for `make uninstall-host`; it also
# makes the writer service's user (SERVE_USER, in GROUP) and starts
# `convene serve` (a systemd unit from dist/, or directly without systemd).
GROUP         ?= convene
KIOSK_USER    ?=
KIOSK_SESSION ?= workshop
SSHD_CONFIG_D ?= /etc/ssh/sshd_config.d
SERVE_USER    ?= _convene
HOST_STATE     = $(DESTDIR)$(DATADIR)/install-host.state
HOST_ENV = BIN='$(DESTDIR)$(BINDIR)/convene' SESSIONSDIR='$(SESSIONSDIR)' \
    GROUP='$(GROUP)' KIOSK_USER='$(KIOSK_USER)' KIOSK_SESSION='$(KIOSK_SESSION)' \
    SSHD_CONFIG_D='$(SSHD_CONFIG_D)' STATE='$(HOST_STATE)' \
    SERVE_USER='$(SERVE_USER)'

install-host: install
	@$(HOST_ENV) ./tools/install-host install

uninstall-host:
	@$(HOST_ENV) ./tools/install-host uninstall
	$(MAKE) uninstall

clean:
	rm -rf $(B) convene tests/bin bench/bin po/convene.pot

-include $(CORE_OBJ:.o=.d) $(SCREENS_OBJ:.o=.d) $(B)/src/main.d
-include $(TESTS:tests/bin/%=$(B)/tests/%.d) $(BENCHES:bench/bin/%=$(B)/bench/%.d)
