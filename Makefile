# The two commands of the README: `make demo` and `make test`.
# Both install what is missing (scripts/install-deps.sh), then build; `make
# demo` installs only what building and running needs, `make test` the test
# tools as well. `make install` and `make package` are the README's "Install".
# `make test` also builds with ASan+UBSan (clang, $(SANITIZE_BUILD)) and runs
# tests/sanitize/run.sh and each fuzz target for FUZZ_SECONDS.
BUILD ?= build
RUNBOOKC = $(BUILD)/runbookc
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 120
# -O1 and line tables only: the sanitizer build stays short, stacks keep file:line.
SANITIZE_OPT = -O1 -gline-tables-only

PREFIX ?= /usr/local

.PHONY: all deps test-deps package-deps build demo test install package bench clean sanitize-build test-sanitize fuzz

all: build

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-deps.sh --test

package-deps:
	@bash scripts/install-deps.sh --package

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD)

demo: build
	@echo "== runbookc lint runbooks/ (the examples hold deliberate dangers: findings are expected)"
	@$(RUNBOOKC) lint runbooks/ || true
	@echo "== runbookc build runbooks/ -o $(BUILD)/site"
	@$(RUNBOOKC) build runbooks/ -o $(BUILD)/site
	@echo "$(abspath $(BUILD)/site/index.html)"

# The binary (stripped), its man page and shell completions under $(PREFIX).
install: build
	@cmake --install $(BUILD) --strip --prefix $(PREFIX)

# A Debian package of the same build: $(BUILD)/runbookc_<version>_<arch>.deb.
package: package-deps build
	@cd $(BUILD) && cpack -G DEB >/dev/null && ls -1 "$$PWD"/runbookc_*.deb

test: test-deps build
	@cd $(BUILD) && ctest --output-on-failure
	@$(MAKE) --no-print-directory test-sanitize fuzz

sanitize-build: test-deps
	@cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_FLAGS_RELWITHDEBINFO="$(SANITIZE_OPT)" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$(SANITIZE_OPT)" \
	  -DRUNBOOKC_SANITIZE=address,undefined -DRUNBOOKC_FUZZ=ON >/dev/null
	@cmake --build $(SANITIZE_BUILD)

test-sanitize: sanitize-build
	@bash tests/sanitize/run.sh $(SANITIZE_BUILD)

fuzz: sanitize-build
	@bash fuzz/run.sh $(SANITIZE_BUILD) $(FUZZ_SECONDS)

bench: test-deps build
	@bash bench/lint_corpus.sh
	@bash bench/instructions.sh
	@bash bench/build_vs_hugo.sh

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
