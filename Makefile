# Plutus — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
SERVICES := deploy/local/services.sh
# Exports DATABASE_URL, REDIS_URL and the development secrets from the file the services script writes.
WITH_SERVICES_ENV := set -a && source .data/services.env && set +a &&

# The executables the image carries: the Dockerfile's list, so the two never disagree.
RELEASE_PRODUCTS := $(shell sed -n 's/^ARG PRODUCTS="\(.*\)"$$/\1/p' deploy/docker/Dockerfile)

.PHONY: help deps services stop build release generate test test-local-model data run bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

deps: ## Install the Debian packages and the Python packages the tests need (when missing)
	bash deploy/local/deps.sh

services: ## Start this checkout's PostgreSQL and Redis under .data/ and print their URLs
	bash $(SERVICES) up

stop: ## Stop this checkout's PostgreSQL, Redis and local model server
	bash $(SERVICES) down
	bash deploy/local/local-model.sh stop

build: deps ## Build everything (debug)
	$(SWIFT) build

release: deps ## Release build of every executable the image carries (Swift runtime linked in), in .build/release
	for product in $(RELEASE_PRODUCTS); do $(SWIFT) build -c release --static-swift-stdlib --product $$product || exit 1; done

generate: ## Regenerate the C and Swift code of Protos/plutus/v1 (commit the result)
	bash Protos/generate.sh

test: services release ## Start the services, build (debug, and release for the image's checks), and run every test
	bash Protos/check-generated.sh
	$(SWIFT) build --build-tests
	$(WITH_SERVICES_ENV) $(SWIFT) test --skip-build

test-local-model: services ## Run the OpenAI-compatible provider against llama-cpp-python + Gemma 3 270M (installs once, ~5 min)
	$(SWIFT) build --build-tests
	url=$$(bash deploy/local/local-model.sh start) && $(WITH_SERVICES_ENV) PLUTUS_LOCAL_MODEL_URL=$$url \
		$(SWIFT) test --skip-build --filter "LocalModelServerTests|LocalModelConversationTests"

REPLICAS ?= financial=3,goal=2
SEED_USERS ?= 1000

data: services build ## Migrate the local database (standalone) and seed SEED_USERS=1000 demo households once
	$(WITH_SERVICES_ENV) .build/debug/plutus migrate --standalone
	$(WITH_SERVICES_ENV) .build/debug/plutus seed --users $(SEED_USERS)

run: data ## Start PostgreSQL, Redis and the whole cluster (REPLICAS=financial=3,goal=2); Ctrl-C stops it
	$(WITH_SERVICES_ENV) .build/debug/plutus up --replicas $(REPLICAS)

bench: services ## Release build, then the bridge, RPC, context and coach benchmarks against their floors (see Benchmarks/README.md)
	$(SWIFT) build -c release --product plutus-bench-bridges
	$(WITH_SERVICES_ENV) .build/release/plutus-bench-bridges postgres
	$(WITH_SERVICES_ENV) .build/release/plutus-bench-bridges redis
	.build/release/plutus-bench-bridges http
	.build/release/plutus-bench-bridges llm
	$(SWIFT) build -c release --product plutus-bench-rpc
	.build/release/plutus-bench-rpc
	$(SWIFT) build -c release --product plutus-bench-context
	$(WITH_SERVICES_ENV) .build/release/plutus-bench-context
	for product in plutus-bench-coach plutus-context plutus-conversation-agent plutus-financial-agent \
		plutus-goal-agent plutus-recommendation-agent; do $(SWIFT) build -c release --product $$product || exit 1; done
	$(WITH_SERVICES_ENV) .build/release/plutus-bench-coach
	$(SWIFT) build -c release --product plutus-bench-language
	.build/release/plutus-bench-language
	$(SWIFT) build -c release --product plutus-bench-vector
	.build/release/plutus-bench-vector

clean: ## Remove build output (not .data/)
	rm -rf .build
