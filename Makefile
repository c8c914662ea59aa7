# The README's two commands: `make run` and `make test`. Both install what is missing first,
# so they work on a fresh Debian machine with Swift, as root or through sudo.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PLAN ?= calendars/ogp-2021.yaml
CONVENE := .build/debug/convene
# Python for the tests' independent feed parsers (icalendar, ical, ics, vobject); icalendar's
# test calendars are also the importer's corpus (Tests/ICalTests/ICalCorpusTests).
VENV := .venv

.PHONY: all deps build run test check-calendars bench fuzz clean format check-format

all: build

## Debian packages the build and the tests need: libical (the C library we link),
## the tz database (every zone rule), pkg-config (to find libical), xmllint (libxml2-utils:
## the frab export's XML schema check), postgresql (the token store replicas share: the tests
## start a throwaway server of their own with its initdb and pg_ctl).
deps:
	@missing=""; \
	for pkg in libical-dev tzdata pkg-config python3-venv khal vdirsyncer valgrind binutils libsqlite3-dev zlib1g-dev chromium libxml2-utils postgresql; do \
		dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## The main job on the default calendar: check and plan the year, publish a release of feeds
## and pages to ./release, render the summit's agenda to ./agenda, then serve the release on
## http://127.0.0.1:8080 (Ctrl-C stops the server).
run: publish
	$(CONVENE) serve --dir release --port 8080

publish: build
	$(CONVENE) check $(PLAN)
	$(CONVENE) plan $(PLAN)
	$(CONVENE) publish $(PLAN) --out release
	$(CONVENE) agenda calendars/seoul-summit-2021.yaml --out agenda

## A virtual environment with the independent iCalendar parsers the interop test runs, aiosmtpd
## (the SMTP server the notify tests send to; Debian's openssl makes its TLS certificates), and
## jsonschema (with its format checkers) for the frab export's JSON schema check.
$(VENV)/.ready: Makefile
	@command -v openssl >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openssl; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check icalendar ical ics vobject 'jsonschema[format-nongpl]' aiosmtpd
	touch $@

## The tests run in two passes. The live suites (the feed server on real sockets, PostgreSQL
## token stores, replicas) are async and wait on servers in this process; the other suites
## include synchronous tests that block a thread for seconds while a program runs (convene,
## chromium, vdirsyncer, initdb). Swift Testing runs both kinds on the few threads Swift's
## concurrency has (one per core): run together on two cores, two such blocking tests stall
## every live test for as long as they take. Each pass is capped (`timeout`), so a wait that
## never ends fails the run instead of holding it; the live tests' own time limits name theirs.
LIVE_SUITES := FeedServerTests|FeedTokensTests
TEST_CAP := 1500

test: build $(VENV)/.ready
	timeout -k 30 $(TEST_CAP) $(SWIFT) test --skip '$(LIVE_SUITES)'
	timeout -k 30 $(TEST_CAP) $(SWIFT) test --skip-build --filter '$(LIVE_SUITES)'
	$(MAKE) --no-print-directory check-calendars

## Every calendar shipped in calendars/ must check clean, and what `plan` writes for it (and
## for a generated summit of 60 sessions) must pass `verify`.
VERIFY_DIR := .build/verify-calendars

check-calendars:
	@rm -rf $(VERIFY_DIR) && mkdir -p $(VERIFY_DIR)
	@python3 benchmarks/generate_summit.py 60 6 80 1 > $(VERIFY_DIR)/generated-summit.yaml
	@for plan in calendars/*.yaml $(VERIFY_DIR)/generated-summit.yaml; do \
		name=$$(basename $$plan .yaml); \
		$(CONVENE) check $$plan || exit 1; \
		$(CONVENE) plan $$plan --out $(VERIFY_DIR)/$$name --time-limit 5 > /dev/null || exit 1; \
		$(CONVENE) verify $$plan $(VERIFY_DIR)/$$name/schedule.json || exit 1; \
	done

## Convene's solver against the two CP-SAT references on synthetic plans (benchmarks/README.md).
## Builds the release binary; the reference runs in a virtualenv with OR-Tools from PyPI
## (deps installs python3-venv).
BENCH_PYTHON := benchmarks/.venv/bin/python

bench: deps
	$(SWIFT) build -c release
	@$(BENCH_PYTHON) -c 'import ortools' 2>/dev/null || { \
		echo "Creating benchmarks/.venv with ortools"; \
		python3 -m venv benchmarks/.venv && $(BENCH_PYTHON) -m pip install -q ortools; \
	}
	@command -v wrk >/dev/null && command -v nginx >/dev/null && command -v bc >/dev/null && command -v curl >/dev/null || \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk nginx-light bc curl; }
	@$(BENCH_PYTHON) -c 'import icalendar' 2>/dev/null || $(BENCH_PYTHON) -m pip install -q icalendar
	@echo "== feeds: a 10,000-event feed, written and parsed with libical, against Python icalendar"
	.build/release/ConveneBench feeds /tmp/convene-bench-feed.ics | tee /tmp/convene-bench-feed.txt
	@$(BENCH_PYTHON) benchmarks/feeds_python.py /tmp/convene-bench-feed.ics \
		$$(sed -n 's/.*write \([0-9.]*\) s.*/\1/p' /tmp/convene-bench-feed.txt) \
		$$(sed -n 's/.*parse \([0-9.]*\) s.*/\1/p' /tmp/convene-bench-feed.txt)
	@echo "== the 2021 calendar"
	.build/release/ConveneBench plan calendars/ogp-2021.yaml
	@echo "== the solver against both CP-SAT references, 1 and 2 workers: synthetic plans (30 s) and summits (60 s)"
	CONVENE=.build/release/convene PYTHON=$(BENCH_PYTHON) TIME_LIMIT=30 SUMMIT_TIME_LIMIT=60 benchmarks/solvers.sh
	@echo "== the 2021 calendar's plan time"
	CONVENE=.build/release/convene PYTHON=$(BENCH_PYTHON) SIZES= SUMMITS= benchmarks/run.sh
	@echo "== the same answer on every machine: the Seoul summit with 1 and 2 workers, idle and loaded"
	CONVENE=.build/release/convene benchmarks/determinism.sh
	@echo "== memory by the window: 1,000 timed events at 15 minutes, 10,000 events of the generator"
	BENCH=.build/release/ConveneBench benchmarks/memory.sh
	@echo "== conflicts and repairs: synthetic plans with planted conflicts"
	CONVENE=.build/release/convene benchmarks/repairs.sh
	@echo "== the year's recurring structure: 20 rotating call series and 100 other events"
	CONVENE=.build/release/convene benchmarks/series.sh
	@echo "== a conference system's programme: import, timetable and export of 400 sessions"
	CONVENE=.build/release/convene benchmarks/frab.sh 400
	@echo "== the feed server against nginx"
	CONVENE=.build/release/convene benchmarks/serve.sh 30
	@echo "== personal feeds on replicas: SQLite on one, PostgreSQL on two, and how soon a revoke holds"
	CONVENE=.build/release/convene benchmarks/tokens.sh 10

## The project's formatting (.swift-format, swift-format from the toolchain): `make format`
## rewrites the sources, `make check-format` fails when a file is not formatted (CI runs it).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

check-format:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

## libFuzzer on the plan loader and the .ics reader (docs/fuzzing.md); not part of `make test`.
## Builds both targets with the fuzzer and AddressSanitizer into their own scratch path, runs
## each for FUZZ_SECONDS, one after the other, and prints the executions and findings.
## fuzz/run.sh reads FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (10 s an input) and FUZZ_MAX_LEN (131072).
FUZZ_SECONDS ?= 300
FUZZ_BUILD := .build-fuzz
FUZZ_BUILD_FLAGS ?=
FUZZ_SWIFT_FLAGS := -c release --scratch-path $(FUZZ_BUILD) --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING $(FUZZ_BUILD_FLAGS)

fuzz: deps
	$(SWIFT) build $(FUZZ_SWIFT_FLAGS) --product FuzzPlan
	$(SWIFT) build $(FUZZ_SWIFT_FLAGS) --product FuzzICal
	@fuzz/run.sh $(FUZZ_BUILD)/release/FuzzPlan plan $(FUZZ_SECONDS)
	@fuzz/run.sh $(FUZZ_BUILD)/release/FuzzICal ics $(FUZZ_SECONDS)

clean:
	rm -rf .build
