# The two commands of the README: `make demo` and `make test`.
# Both install what is missing (scripts/install-deps.sh), then build.
# `make test` also builds with ASan+UBSan (clang, $(SANITIZE_BUILD)) and runs
# tests/sanitize/run.sh and each fuzz target for FUZZ_SECONDS.
BUILD ?= build
RUNBOOKC = $(BUILD)/runbookc
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 120
# -O1 and line tables only: the sanitizer build stays short, stacks keep file:line.
SANITIZE_OPT = -O1 -gline-tables-only

.PHONY: all deps build demo test bench clean sanitize-build test-sanitize fuzz

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
	@$(MAKE) --no-print-directory test-sanitize fuzz

sanitize-build: deps
	@cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_FLAGS_RELWITHDEBINFO="$(SANITIZE_OPT)" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$(SANITIZE_OPT)" \
	  -DRUNBOOKC_SANITIZE=address,undefined -DRUNBOOKC_FUZZ=ON >/dev/null
	@cmake --build $(SANITIZE_BUILD)

test-sanitize: sanitize-build
	@bash tests/sanitize/run.sh $(SANITIZE_BUILD)

fuzz: sanitize-build
	@bash fuzz/run.sh $(SANITIZE_BUILD) $(FUZZ_SECONDS)

bench: build
	@bash bench/lint_corpus.sh
	@bash bench/instructions.sh
	@bash bench/build_vs_hugo.sh

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
