# The two commands of the README: `make demo` and `make test`.
# Both install what is missing (scripts/install-deps.sh), then build.
BUILD ?= build
RUNBOOKC = $(BUILD)/runbookc

.PHONY: all deps build demo test bench clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD)

demo: build
	@echo "== runbookc lint runbooks/ (the examples hold deliberate dangers: findings are expected)"
	@$(RUNBOOKC) lint runbooks/ || true
	@echo "== runbookc build runbooks/ -o $(BUILD)/site"
	@$(RUNBOOKC) build runbooks/ -o $(BUILD)/site
	@echo "$(abspath $(BUILD)/site/index.html)"

test: build
	@cd $(BUILD) && ctest --output-on-failure

bench: build
	@bash bench/lint_corpus.sh
	@bash bench/instructions.sh
	@bash bench/build_vs_hugo.sh

clean:
	rm -rf $(BUILD)
