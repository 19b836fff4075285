# The README's commands: `make play` runs the game, `make test` passes the tests.
# Both install the Debian packages the build needs when they are missing.
GO ?= go

.PHONY: play run test deps vet bench instructions fuzz build screenshots web loadtest test-postgres

# bin/sixparty is the command line; bin/sixparty-play the window it opens
# (a separate program because Ebitengine cannot start without a display).
# 'sixparty version' reports VERSION (by default from git, when there is one).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
build: deps web
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o bin/ ./cmd/sixparty ./cmd/sixparty-play

play: build
	./bin/sixparty

run: deps
	$(GO) run ./cmd/sixparty run

# go test ./... includes cmd/sixparty's TestAutoplay, which plays a turn
# in the window under xvfb-run; the ui package's own tests need Xvfb too.
test: deps
	gofmt -l . | tee /dev/stderr | (! read -r _)
	$(GO) vet ./...
	$(GO) vet -tags display ./ui/...
	$(GO) test ./...
	xvfb-run -a -s "-screen 0 1280x720x24" $(GO) test -tags display ./ui/...
	$(MAKE) web
	$(GO) test -tags browser ./e2e/

# The README's screenshots: a scripted two-turn game through every scene,
# rendered under Xvfb; a few scenes are kept in docs/screenshots.
SHOTS ?= /tmp/sixparty-shots
# The scenes the README shows, as NAME (the scene's screenshot) or
# FILE=NAME; `make screenshots` plays the scripted game at 1920x1080 and
# copies each into docs/screenshots/FILE.png (it fails if one is missing).
SCENES = briefing handover-ready orders forecast adjudication report why why-estimate downstream \
	dashboard map end-1 end-2 facilitator-value read tour-1 \
	compare-branch=compare-1 compare-counterfactual=compare-2
screenshots: build
	rm -rf $(SHOTS)
	xvfb-run -a -s "-screen 0 1920x1080x24" ./bin/sixparty play --autoplay 2 --shots $(SHOTS)
	mkdir -p docs/screenshots
	for p in $(SCENES); do cp $(SHOTS)/[0-9][0-9]-$${p#*=}.png docs/screenshots/$${p%%=*}.png || exit 1; done

# The window in a browser: 'sixparty serve' serves web/ at / and at every
# join link (or serve web/ over HTTP, for example with
# 'python3 -m http.server -d web', and open it). Saves go to the browser's
# local storage. sixparty.wasm.gz is what the server sends.
web:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags "-s -w" -o web/sixparty.wasm ./cmd/sixparty-play
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" web/
	gzip -9 -k -f web/sixparty.wasm

deps:
	@./scripts/deps.sh

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./sim/...

# Instructions per turn, engine against the plain-Go fixture, counted by
# valgrind: the same on every run, however busy the machine.
instructions: deps
	./scripts/instructions.sh

fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 2m ./scenarios
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 1m ./server/proto

# The server under load: GAMES concurrent games of six computer-advised
# clients on loopback (see docs/server.md).
GAMES ?= 200
loadtest: deps
	SIXPARTY_LOAD_GAMES=$(GAMES) $(GO) test -run '^$$' -bench Load -benchtime 1x -timeout 30m ./server/

# The tests that need PostgreSQL, on a throwaway cluster (.ci/run runs
# them as part of 'make test').
test-postgres: deps
	eval "$$(./scripts/postgres.sh start)"; trap './scripts/postgres.sh stop "$$SIXPARTY_PG_DIR"' EXIT; \
	$(GO) test ./server/... ./cmd/sixparty/ -run 'Postgres'

