# Wayline: `make run` opens the app on the demo workspace; `make test` runs every test.
# Both install what is missing first (system packages through apt, npm packages, Go modules).

GO        ?= go
TAGS      := desktop,production,webkit2_41
BIN       := build/bin/wayline
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
DATA_DIR  ?= $(or $(WAYLINE_DATA_DIR),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/wayline)
DEMO      ?= $(DATA_DIR)/demo.wayline
FUZZTIME  ?= 60s
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.* frontend/package.json -type f 2>/dev/null)

.PHONY: all setup deps run build frontend test vet gotest fetest smoke e2e bench fuzz serve clean

all: build

deps:
	@build/scripts/deps.sh

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

setup: deps frontend/node_modules/.package-lock.json
	$(GO) mod download

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build

frontend: frontend/dist/index.html

build: setup frontend
	CGO_ENABLED=1 $(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

$(DEMO):
	@mkdir -p $(dir $(DEMO))
	$(BIN) demo -w $(DEMO)

run: build
	@$(MAKE) --no-print-directory $(DEMO)
	$(BIN) -w $(DEMO)

serve: build
	@$(MAKE) --no-print-directory $(DEMO)
	$(BIN) serve -w $(DEMO)

vet: setup
	$(GO) vet ./...

gotest: setup frontend
	$(GO) test -race -count=1 ./...

fetest: setup
	cd frontend && npm run check && npm test

smoke: build
	build/scripts/smoke.sh $(BIN)

e2e: build
	WAYLINE_BIN=$(CURDIR)/$(BIN) e2e/run.sh

# Fuzz targets run their seed corpora (testdata/fuzz included) inside gotest; random mutation is left to
# `make fuzz`, so a test run gives the same answer every time.
test: setup frontend vet gotest fetest
	@$(MAKE) --no-print-directory smoke e2e

bench: setup
	$(GO) test -run '^$$' -bench . -benchmem -count=3 ./internal/...

fuzz: setup
	FUZZTIME=$(FUZZTIME) build/scripts/fuzz.sh

clean:
	rm -rf build/bin test-output
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
