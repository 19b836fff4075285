# The README's commands: `make play` runs the game, `make test` passes the tests.
# Both install the Debian packages the build needs when they are missing.
GO ?= go

.PHONY: play run test deps vet bench fuzz build

# bin/sixparty is the command line; bin/sixparty-play the window it opens
# (a separate program because Ebitengine cannot start without a display).
build: deps
	$(GO) build -o bin/ ./cmd/sixparty ./cmd/sixparty-play

play: build
	./bin/sixparty play

run: deps
	$(GO) run ./cmd/sixparty run

test: deps
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) test ./...

deps:
	@./scripts/deps.sh

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./sim/...

fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 2m ./scenarios
