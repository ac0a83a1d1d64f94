# Paperdeck: `make serve` to run it, `make test` to test everything. Both install what is
# missing first (scripts/setup-*.sh, idempotent; versions in scripts/versions.env).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve setup setup-test build test fmt-check clippy native-test browser-test engine-test seed bench fuzz

serve: setup
	trunk serve --locked

setup:
	@scripts/setup-build.sh

setup-test: setup
	@scripts/setup-test.sh

# The page, then what needs no JavaScript: an Atom feed of the default view, every paper
# as static HTML in index.html and a page of its own for each (papers/ID.html, with the
# citation_* meta Google Scholar reads) (docs/deploying.md). SITE_URL
# (https://lab.example/papers/) makes the feed's ids and links absolute, adds the site's
# origin to the page's Content-Security-Policy and writes sitemap.xml.
SITE_URL ?=
PAPERDECK_RELEASE = cargo run --locked -q --release -p paperdeck-cli --

build: setup
	trunk build --release --locked
	$(PAPERDECK_RELEASE) feed public/papers.json $(if $(SITE_URL),--site-url $(SITE_URL)) -o dist/feed.xml
	$(PAPERDECK_RELEASE) render public/papers.json --into dist/index.html --feed feed.xml --pages \
		$(if $(SITE_URL),--site-url $(SITE_URL))

test: setup-test fmt-check clippy native-test build browser-test engine-test

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --locked --workspace --all-targets -- -D warnings

native-test:
	cargo test --locked --workspace

browser-test:
	node --test --test-concurrency=1 --test-timeout=120000 tests/browser/ tests/contract/

# The smoke checks in Chromium, Firefox and WebKit over WebDriver (README, "Browsers");
# PAPERDECK_ENGINES=firefox,webkit runs some of them.
engine-test:
	node --test --test-concurrency=1 --test-timeout=120000 tests/engines/

# Regenerates the bundled snapshot from the saved Hugging Face page, and the lab example's
# from a real lab's al-folio BibTeX (README, "Put your publications on your homepage").
seed:
	cargo run --locked -q -p paperdeck-cli -- import --from hf-page \
		crates/cli/tests/data/hf-papers-search-page.txt --year 2025 -o public/papers.json
	cargo run --locked -q -p paperdeck-cli -- import \
		crates/cli/tests/data/fixtures/bibtex-strings-accents-wolflein.bib \
		--base-url https://georg-wolflein.github.io/assets/pdf/ \
		--preview-base-url https://georg-wolflein.github.io/assets/img/publication_preview/ \
		--highlight "Georg Wölflein" \
		--title "Georg Wölflein: publications" -o public/examples/wolflein-publications.json
# Benchmarks read the 10,049 real papers in ../shared/data (not part of the repository);
# set BENCH_DATA to use another daily_papers API file. Figures: docs/performance.md.
BENCH_DATA ?= ../shared/data/hf-daily-papers-api.json.gz

bench: setup-test build
	@test -f "$(BENCH_DATA)" || { echo "bench: $(BENCH_DATA) not found (set BENCH_DATA)"; exit 1; }
	cargo run --locked -q --release -p paperdeck-bench -- "$(BENCH_DATA)"
	@mkdir -p target/bench
	cargo run --locked -q --release -p paperdeck-cli -- import --from hf-api "$(BENCH_DATA)" -o target/bench/papers-10k.json
	scripts/bench-instructions.sh target/bench/papers-10k.json
	node bench/peak-memory.mjs target/bench/papers-10k.json
	node --expose-gc bench/js-baselines.mjs target/bench/papers-10k.json
	node bench/browser-keystrokes.mjs target/bench/papers-10k.json
	node bench/browser-json-floor.mjs target/bench/papers-10k.json
	node bench/browser-frame-cost.mjs target/bench/papers-10k.json
	node bench/browser-next-frame.mjs target/bench/papers-10k.json
	node bench/browser-next-frame.mjs target/bench/papers-10k.json --width=390
	node bench/replicate.mjs target/bench/papers-10k.json 10 target/bench/papers-100k.json
	node bench/browser-keystrokes.mjs target/bench/papers-100k.json --no-peers
	node bench/browser-json-floor.mjs target/bench/papers-100k.json --rounds=3
	node bench/browser-export.mjs target/bench/papers-10k.json
	node bench/browser-first-paint.mjs target/bench/papers-10k.json
	node bench/browser-first-paint.mjs target/bench/papers-10k.json --mbps=50
	node bench/browser-early-search.mjs target/bench/papers-10k.json
	node bench/browser-related.mjs target/bench/papers-10k.json
	node bench/browser-timeline.mjs target/bench/papers-10k.json
	node bench/browser-boot-tasks.mjs
	node bench/lighthouse.mjs

# Runs every property test with many more cases than `make test` (docs/reliability.md has
# the last run): FUZZ_CASES per core property, FUZZ_IMPORT_CASES per importer property.
FUZZ_CASES ?= 100000
FUZZ_IMPORT_CASES ?= 62000

fuzz:
	PAPERDECK_FUZZ_CASES=$(FUZZ_CASES) cargo test --locked -q --release -p paperdeck-core \
		--test parsing_never_panics --test search_properties
	PAPERDECK_FUZZ_CASES=$(FUZZ_IMPORT_CASES) cargo test --locked -q --release -p paperdeck-cli \
		--test importers_never_panic
