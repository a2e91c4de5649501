# stancegraph: build, run and test graphd.
GO       ?= go
DATA     ?= ./data
ADDR     ?= 127.0.0.1:8080
BIN      := bin/graphd
BENCH_FLAGS ?=
FUZZTIME ?= 60s
# BUILDVCS=auto stamps the git revision that `graphd version` prints;
# BUILDVCS=false builds where git cannot describe the checkout.
BUILDVCS ?= auto

.PHONY: all build run test test-short test-bench test-dgraph bench-dgraph bench-dgraph-scale vet fmt e2e bench eval fuzz clean graphiql

all: build

build:
	$(GO) build -buildvcs=$(BUILDVCS) -o $(BIN) ./cmd/graphd

## run: build and start graphd on ./data (seeded on first start)
run: build
	./$(BIN) serve --data $(DATA) --addr $(ADDR)

## test: vet, formatting, and every test with the race detector
test:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@# A plain clone has copies of the shared inputs the tests need; only
	@# the checks that the copies are current need the originals.
	@[ -d ../shared ] || echo "note: ../shared is not beside the repository, so TestContractCopy and TestCorpusCopy skip: they check that schema/contract.graphql and testdata/corpus/ still equal the shared originals; every other test runs on the copies."
	@# The Dgraph tests are make test-dgraph's: here they skip even when
	@# bin/dgraph is present, so that make test tests the embedded store.
	@# cmd/graphd's tests build and kill real processes and run the
	@# extractor over whole corpora; under -race on two cores they take
	@# 5-9 minutes, near go test's default 10-minute limit.
	STANCEGRAPH_DGRAPH=skip $(GO) test -race -count=1 -timeout 30m ./...

## test-bench: the benchmark module's own tests (it builds SQLite with cgo)
test-bench:
	cd bench && $(GO) vet ./... && $(GO) test -count=1 ./...

## test-dgraph: the store contract, the embedded store's answers, and
## graphd's commands and server with --store, on Dgraph v25.0.0 (built once
## into bin/dgraph by scripts/dgraph.sh, about 5 minutes cold; each test
## starts one zero and one alpha on loopback and stops them)
test-dgraph:
	bash scripts/dgraph.sh build
	$(GO) vet ./dgraphstore/... ./cmd/graphd/
	STANCEGRAPH_DGRAPH=require $(GO) test -count=1 ./dgraphstore/...
	STANCEGRAPH_DGRAPH=require $(GO) test -count=1 -timeout 30m -run Dgraph ./cmd/graphd/

## bench-dgraph: the same workload on the embedded store and on Dgraph
bench-dgraph:
	bash scripts/dgraph.sh build
	STANCEGRAPH_DGRAPH=require $(GO) test -count=1 -run '^$$' -bench '^BenchmarkStores$$' -benchtime 20x ./dgraphstore/

## bench-dgraph-scale: the same at STANCES stances (100,000 by default), loaded
## once into each store, the cluster in batches as graphd load --store sends
## them; minutes, not in CI
STANCES ?= 100000
bench-dgraph-scale:
	bash scripts/dgraph.sh build
	STANCEGRAPH_DGRAPH=require STANCEGRAPH_BENCH_STANCES=$(STANCES) $(GO) test -count=1 -run '^$$' -bench '^BenchmarkScale$$' -benchtime 1x -timeout 2h ./dgraphstore/

test-short:
	$(GO) test -short ./...

## e2e: notebook, browser explorer and GraphQL-over-HTTP audit against a live server
e2e:
	bash e2e/run.sh

## bench: the benchmark program, its own module for the cgo SQLite baseline (see README, Performance)
bench:
	cd bench && $(GO) run . $(BENCH_FLAGS)

## eval: score extraction on the development corpus (shipped in testdata/corpus),
## the seed, and the PLOVER records when ../shared is beside the repository
PLOVER ?= ../shared/data/events/plover/PLOVER_GSR_CAMEO.jsonl
eval: build
	@[ -f $(PLOVER) ] || echo "eval: $(PLOVER) is absent (it is CC BY-SA and not shipped): PLOVER scores skipped"
	./$(BIN) eval --seed --gold testdata/corpus/dev $(if $(wildcard $(PLOVER)),--plover $(PLOVER))

## fuzz: a minute of each fuzz target
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) ./extract
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) ./jsonl
	$(GO) test -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime $(FUZZTIME) ./graph
	$(GO) test -run '^$$' -fuzz '^FuzzNormalizeName$$' -fuzztime $(FUZZTIME) ./graph
	$(GO) test -run '^$$' -fuzz '^FuzzGraphQLHandler$$' -fuzztime $(FUZZTIME) ./server

## graphiql: rebuild the embedded GraphiQL (web/graphiql/dist, committed) from
## the npm packages pinned in web/graphiql/package-lock.json; needs Node.js 20
graphiql:
	cd web/graphiql && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

clean:
	rm -rf bin
