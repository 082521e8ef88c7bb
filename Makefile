# sapnhap - build, tests, demo and benchmarks.
#
#   make          build ./sapnhap
#   make demo     run the migration on samples/ (installs dependencies first when root)
#   make check    every test, then the whole suite again under ASan+UBSan (installs the HTML
#                 test's browser first when root)
#   make bench    benchmarks beside their floors (see README, "Performance")
#   make national the country as a test: the 34 new provinces migrated and checked (release only)
#   make fuzz     every libFuzzer harness for FUZZ_SECONDS (60) each (installs clang first when
#                 root); 'make check' replays their corpora without clang (tests/fuzz/)
#   make release-check   the README's two commands on a bare Debian 12 (debootstrap, as root)
#
# Objects go to build/<variant>/; the sanitizer build is the variant "asan", the fuzzers' "fuzz".

PKGS      := sqlite3 libxml-2.0 libzip libutf8proc libmd jansson xlsxwriter
TEST_PKGS := cmocka
DEB_PKGS  := build-essential pkg-config libsqlite3-dev sqlite3 libxml2-dev libxml2-utils \
             libzip-dev libutf8proc-dev libmd-dev libjansson-dev libxlsxwriter-dev libcmocka-dev zip time python3 \
             gettext
# The HTML test renders the diff page in headless Chromium, with a font that has Vietnamese
# glyphs; without them (and not root) it is skipped.
HTML_DEB_PKGS := chromium fonts-dejavu-core python3-openpyxl

VARIANT ?= release
BUILD   := build/$(VARIANT)
CC      ?= cc
WARN    := -Wall -Wextra -Wformat-security -Wstrict-prototypes -Wvla -Wwrite-strings \
           -Wmissing-prototypes -Wshadow
ifeq ($(VARIANT),asan)
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDSAN   := -fsanitize=address,undefined
# A leak inside libxlsxwriter itself (see the file) is not ours to report.
export LSAN_OPTIONS := suppressions=$(abspath tests/lsan.supp):print_suppressions=0
else ifeq ($(VARIANT),fuzz)
OPT     := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all
LDSAN   := -fsanitize=address,undefined
else
OPT     := -O2 -g
LDSAN   :=
endif
# Expanded when used (after the deps step may have installed pkg-config), and silent without it.
PKGCONF     = command -v pkg-config >/dev/null 2>&1 && pkg-config
PKG_CFLAGS  = $(shell $(PKGCONF) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    = $(shell $(PKGCONF) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell $(PKGCONF) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   = $(shell $(PKGCONF) --libs $(TEST_PKGS) 2>/dev/null)
# The message catalogs of an uninstalled build (i18n.h; SAPNHAP_LOCALEDIR overrides).
LOCALEDIR ?= $(CURDIR)/build/locale
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -Itools $(PKG_CFLAGS) \
           -DSN_LOCALEDIR='"$(LOCALEDIR)"'
MO       := build/locale/vi/LC_MESSAGES/sapnhap.mo
POT      := build/sapnhap.pot

LDLIBS  += $(PKG_LIBS) -lm

LIB_SRCS  := $(filter-out tools/main.c,$(wildcard tools/*.c))
LIB_OBJS  := $(LIB_SRCS:tools/%.c=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SCHEMA    := $(sort $(wildcard schema/*.sql))
XSD       := $(sort $(wildcard schema/*.xsd))
MAPPINGS  := mappings/level1-codes.csv mappings/departments.csv mappings/allocation.csv \
             mappings/jurisdiction.csv mappings/errata-2025.csv

ifeq ($(VARIANT),release)
PROGRAM := sapnhap
else
PROGRAM := $(BUILD)/sapnhap
endif

.PHONY: all deps test-deps demo check unit cli realdata address html national crash concurrency test-suite asan bench clean \
        po po-check
all: deps $(PROGRAM) $(MO)

# The dependency step: nothing to do when pkg-config finds every library; as root it installs the
# Debian packages; otherwise it prints the exact command and stops.
deps:
	@if command -v pkg-config >/dev/null && pkg-config --exists $(PKGS) $(TEST_PKGS) && command -v sqlite3 >/dev/null && command -v zip >/dev/null && test -x /usr/bin/time && command -v python3 >/dev/null && command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages: $(DEB_PKGS)" >&2; \
	  (apt-get install -y --no-install-recommends $(DEB_PKGS) || \
	   (apt-get update && apt-get install -y --no-install-recommends $(DEB_PKGS))) >&2; \
	else \
	  echo "sapnhap needs Debian packages; as root, run:" >&2; \
	  echo "  apt-get update && apt-get install -y --no-install-recommends $(DEB_PKGS)" >&2; exit 1; \
	fi

# The HTML test's browser and font: installed as root; otherwise a note, and the test skips.
test-deps:
	@if command -v chromium >/dev/null && test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf && test -d /usr/lib/python3/dist-packages/openpyxl; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages for the HTML test: $(HTML_DEB_PKGS)" >&2; \
	  (apt-get install -y --no-install-recommends $(HTML_DEB_PKGS) || \
	   (apt-get update && apt-get install -y --no-install-recommends $(HTML_DEB_PKGS))) >&2; \
	else \
	  echo "note: the HTML test is skipped without chromium and fonts-dejavu-core; to run it, as root:" >&2; \
	  echo "  apt-get update && apt-get install -y --no-install-recommends $(HTML_DEB_PKGS)" >&2; \
	fi

# The schema migrations are compiled in, so the binary carries the schema it expects.
# Every compile waits for the deps step (order-only: it never forces a rebuild), so that
# 'make -j8 demo' on a fresh machine does not run the compiler before the headers are there.
$(BUILD)/schema.c: $(SCHEMA) tools/embed_schema.sh | deps
	@mkdir -p $(@D)
	sh tools/embed_schema.sh $(SCHEMA) > $@

$(BUILD)/schema.o: $(BUILD)/schema.c | deps
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: tools/%.c $(wildcard tools/*.h) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# XML schemas and the default mapping tables are compiled in as strings (tools/embedded.h).
$(BUILD)/embedded.c: $(XSD) $(MAPPINGS) tools/embed_text.sh | deps
	@mkdir -p $(@D)
	{ sh tools/embed_text.sh sn_xsd_ $(XSD); sh tools/embed_text.sh sn_mapping_ $(MAPPINGS); } > $@

$(BUILD)/embedded.o: $(BUILD)/embedded.c | deps
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libsapnhap.a: $(LIB_OBJS) $(BUILD)/schema.o $(BUILD)/embedded.o
	rm -f $@ && ar rcs $@ $^

# --- translations (i18n.h): po/vi.po is the Vietnamese catalog. The strings to translate are
# found in the sources by xgettext: _(), N_(), C_()/NC_() with a context, the formats of the four
# diagnostics and the help of the option macros. 'make po' adds new strings to po/vi.po (empty,
# to be translated) and drops the strings the sources no longer have; 'make po-check' fails on
# any string without a translation.
XGETTEXT_KEYWORDS := -k -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -ksn_error:2 -ksn_warn:2 -ksn_info:2 \
        -ksn_usage_error:3 -kOPT_FLAG:3 -kOPT_STRING:4 -kOPT_FILE:3 -kOPT_DATE:3 -kOPT_PROVINCE:2 \
        -kOPT_INT:5 -kOPT_FORMAT:3 -kOPT_CHOICE:4 -kOPT_ENCODING:2 -kOPT_CALLBACK:5 -kOPT_ON:2 \
        -kOPT_FORCE:2 -kOPT_LANG:2

$(MO): po/vi.po | deps
	@mkdir -p $(@D)
	msgfmt --check --statistics -o $@ po/vi.po

# The sentences of the rules' details are SQL inside C strings, tr('...') (rules.h), where
# xgettext does not look: po/sql-strings.py writes them first, and xgettext joins its own (-j).
$(POT): $(wildcard tools/*.c tools/*.h) po/sql-strings.py | deps
	@mkdir -p $(@D)
	python3 po/sql-strings.py $(sort $(wildcard tools/*.c)) > $@.tmp
	xgettext --from-code=UTF-8 --language=C --no-wrap --sort-by-file --add-comments=TRANSLATORS: \
	  --package-name=sapnhap --msgid-bugs-address="the sapnhap maintainers" $(XGETTEXT_KEYWORDS) -j -o $@.tmp \
	  $(sort $(wildcard tools/*.c tools/*.h))
	mv $@.tmp $@

po: $(POT)
	@if ls po/vi-*.po >/dev/null 2>&1; then \
	  msgcat --use-first --no-wrap po/vi.po po/vi-*.po -o po/vi.po && rm -f po/vi-*.po; fi
	msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching po/vi.po $(POT)
	msgattrib --no-obsolete --no-wrap -o po/vi.po po/vi.po

po-check: $(POT) $(MO)
	@sh tests/po/check.sh po/vi.po $(POT)

$(PROGRAM): $(BUILD)/main.o $(BUILD)/libsapnhap.a
	$(CC) $(LDSAN) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libsapnhap.a tests/unit/testutil.h | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TEST_CFLAGS) -Itests/unit $(LDSAN) -o $@ $< $(BUILD)/libsapnhap.a $(LDLIBS) $(TEST_LIBS)

# The catalog too: tests show messages and stored reasons in Vietnamese.
unit: deps $(UNIT_BINS) $(MO)
	@fail=0; for t in $(UNIT_BINS); do \
	  echo "== $$t" >&2; $$t || fail=1; done; exit $$fail

# The transcripts in English, then the same commands in Vietnamese (tests/cli/vi/).
cli: deps $(PROGRAM) $(MO)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/cli/run.sh
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/cli/run.sh -l vi

realdata: deps $(PROGRAM)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/data/run.sh

# The accuracy of address convert on a test set generated from the official data (release
# suite only: it measures the matcher, which the asan suite's unit and cli tests exercise).
address: deps $(PROGRAM)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/address/run.sh

html: deps $(PROGRAM)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/html/run.sh

# The country as a test: each of the 34 new provinces generated from the official data
# (tests/national/gen.py), migrated with 'sapnhap run' and checked in SQL; about 1.5 minutes on
# 2 cores, and writes build/national/summary.md (the README's table). Release build only: under
# ASan+UBSan each province takes about 3.5 times as long (5 minutes more for make check) and
# exercises no code path the cli and realdata suites do not already run under the sanitizers,
# so the asan suite leaves it out.
national: deps $(PROGRAM)
ifeq ($(VARIANT),release)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/national/run.sh
else
	@echo "national: release build only; run 'make national'" >&2
endif


# Every writing step killed at random points and at its COMMIT (tests/crash), and writers and
# readers at once (tests/concurrency); each under half a minute on the release build. Under
# ASan the concurrency test does fewer rounds of its repeated races.
crash: deps $(PROGRAM)
	@SAPNHAP=$(abspath $(PROGRAM)) sh tests/crash/run.sh

concurrency: deps $(PROGRAM)
	@SAPNHAP=$(abspath $(PROGRAM)) $(if $(filter asan,$(VARIANT)),CONCURRENCY_ROUNDS=3) sh tests/concurrency/run.sh


test-suite: po-check unit cli realdata html crash concurrency $(if $(filter release,$(VARIANT)),address national)

# make check = the suite on the release build, then the same suite under ASan+UBSan.
check: deps test-deps
	$(MAKE) VARIANT=release test-suite
	$(MAKE) VARIANT=asan test-suite

asan: test-deps
	$(MAKE) VARIANT=asan test-suite

demo: all
	sh samples/demo.sh ./sapnhap

# The national-scale input generator (bench/gen.c): plain C, no project library.
$(BUILD)/gen: bench/gen.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $<

# The floor of 'units import' (bench/floor-units.c): a lean importer of the official workbook,
# with the project's text functions (NFC, name keys).
$(BUILD)/floor-units: bench/floor-units.c $(BUILD)/libsapnhap.a | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libsapnhap.a $(LDLIBS)

bench: all $(BUILD)/gen $(BUILD)/floor-units
	GEN=$(BUILD)/gen FLOOR_UNITS=$(BUILD)/floor-units sh bench/run.sh ./sapnhap

# --- fuzzing: tests/fuzz/fuzz_NAME.c runs whole commands in-process (sn_main) on each input;
# tests/fuzz/NAME/ is its corpus: authored seeds, minimised finds and every input that once
# crashed, kept as regressions. 'make check' replays the corpora through tests/fuzz/replay.c
# with the ordinary compiler; 'make fuzz' needs clang (libFuzzer). FUZZERS=csv narrows both.
FUZZERS      ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS   = -DSN_TOP='"$(CURDIR)"' -Itests/fuzz
FUZZ_COMMON  := tests/fuzz/common.c tests/fuzz/fuzz.h

$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) $(BUILD)/libsapnhap.a | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(FUZZ_CFLAGS) $(LDSAN) -o $@ $< tests/fuzz/replay.c tests/fuzz/common.c \
	  $(BUILD)/libsapnhap.a $(LDLIBS)

fuzz-replay: deps $(FUZZERS:%=$(BUILD)/fuzz/replay-%)
	@for h in $(FUZZERS); do $(BUILD)/fuzz/replay-$$h tests/fuzz/$$h || exit 1; done

# The replay is part of the suite (so of 'make check', release and ASan).
test-suite: fuzz-replay

$(BUILD)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) $(BUILD)/libsapnhap.a | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(LDSAN) -o $@ $< tests/fuzz/common.c \
	  $(BUILD)/libsapnhap.a $(LDLIBS)

# New inputs go to build/fuzz/corpus/NAME (not the source tree); crashes to build/fuzz/artifacts.
fuzz-run: $(FUZZERS:%=$(BUILD)/fuzz/fuzz-%)
	@for h in $(FUZZERS); do \
	  mkdir -p $(BUILD)/corpus/$$h $(BUILD)/artifacts; \
	  echo "== fuzz $$h for $(FUZZ_SECONDS) s" >&2; \
	  $(BUILD)/fuzz/fuzz-$$h -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(BUILD)/artifacts/$$h- \
	    $(BUILD)/corpus/$$h tests/fuzz/$$h || exit 1; \
	done

# Folds into tests/fuzz/NAME/ only the inputs of build/fuzz/corpus/NAME that add coverage.
fuzz-merge-run: $(FUZZERS:%=$(BUILD)/fuzz/fuzz-%)
	@for h in $(FUZZERS); do \
	  $(BUILD)/fuzz/fuzz-$$h -merge=1 tests/fuzz/$$h $(BUILD)/corpus/$$h || exit 1; done

# clang (with libFuzzer) is needed by the fuzz targets only.
fuzz-deps: deps
	@if command -v clang >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages for fuzzing: clang" >&2; \
	  (apt-get install -y --no-install-recommends clang || \
	   (apt-get update && apt-get install -y --no-install-recommends clang)) >&2; \
	else \
	  echo "fuzzing needs clang; as root, run:" >&2; \
	  echo "  apt-get update && apt-get install -y --no-install-recommends clang" >&2; exit 1; \
	fi

fuzz: fuzz-deps
	$(MAKE) VARIANT=fuzz CC=clang fuzz-run

fuzz-merge: fuzz-deps
	$(MAKE) VARIANT=fuzz CC=clang fuzz-merge-run

.PHONY: fuzz fuzz-deps fuzz-run fuzz-merge fuzz-merge-run fuzz-replay release-check

# The README's two commands on a bare Debian 12 (minbase + git) in a chroot; as root. Not part
# of 'make check' (it downloads a system). See tools/release-check.sh.
release-check:
	sh tools/release-check.sh

clean:
	rm -rf build sapnhap

# For po/fragment.sh.
print-xgettext-keywords:
	@echo $(XGETTEXT_KEYWORDS)
