# Shortcuts to the project's scripts and CLI; `make` lists them.
# Every target runs through ./scripts (the repository's own Node 22 and Yarn 4).

PORTAL_URL ?= http://localhost:7007

.PHONY: help migrate-database status run-bruno-tests deploy-lakehouse init-lakehouse deploy-dbt lakehouse-status stop-lakehouse dev test
.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  %-18s %s\n", $$1, $$2 }'

migrate-database: ## Apply pending SQL migrations (SCOUT_DATABASE_URL, else the portal's PGlite)
	./scripts/yarn scout migrate up

status: ## Show which migrations are applied
	./scripts/yarn scout migrate status

# The collection needs a running portal; it does not start one.
run-bruno-tests: ## Run the Bruno API tests against a running portal (PORTAL_URL, default :7007)
	@curl -sf -o /dev/null --max-time 5 $(PORTAL_URL)/.backstage/health/v1/readiness || { \
	  echo "No portal is running (ready) at $(PORTAL_URL). Start one with 'make dev', or set PORTAL_URL=http://localhost:PORT." >&2; exit 1; }
	./edge-functions/bruno/run.sh $(PORTAL_URL)/api/scout/functions

deploy-lakehouse: ## Start the local lakehouse stack: PostgreSQL, S3, Nessie, Trino (downloads once)
	./scripts/yarn scout stack up

init-lakehouse: ## Create the warehouse bucket and the bronze/silver/gold/platinum namespaces
	./scripts/yarn scout lakehouse init

deploy-dbt: ## Run the pipeline: bronze load, dbt build on a branch, publish when every test passes
	./scripts/yarn scout pipeline run

lakehouse-status: ## Show each stack service with its URL, PID and health
	./scripts/yarn scout stack status

stop-lakehouse: ## Stop what deploy-lakehouse started
	./scripts/yarn scout stack down

dev: ## Start the portal (frontend :3000, backend :7007)
	./scripts/start.sh

test: ## Run every test tier: typecheck, lint, unit, API and browser tests
	./scripts/test.sh
