// Fuzz target: `.runbookc.yaml` and front matter, the two YAML inputs.
// bytes -> load_config (from a file, as lint reads it) -> a fixed runbook
// linted under the configuration when it loads; and the same bytes as a
// runbook's front matter, linted (metadata, review dates, tags); and the same
// bytes as a Prometheus rule file (`alerts check` reads those through libfyaml too).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "linter/driver.h"
#include "fuzz/fuzz_support.h"
#include "compiler/syntax/alert_rules.h"
#include "linter/config.h"

namespace {

const char kRunbook[] =
    "# Disk full on db-1\n\n## Mitigation\n\n```bash\nrm -rf /var/log/old\ngit push --force origin main\n```\n\n"
    "## Escalation\n\nPage the on-call DBA.\n";

/// One scratch file per process, rewritten for each input, removed at exit.
/// A plain array: it must outlive the atexit handler that reads it.
char scratch_name[] = "/tmp/runbookc-fuzz-config-XXXXXX";

const char* config_path() {
  static const bool created = [] {
    int fd = mkstemp(scratch_name);
    if (fd < 0) return false;
    close(fd);
    std::atexit([] { unlink(scratch_name); });
    return true;
  }();
  return created ? scratch_name : "/dev/null";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  rbc::fuzz::initialize();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rbc;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (FILE* f = std::fopen(config_path(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    std::string error;
    if (std::optional<Config> config = load_config(config_path(), error)) {
      config->excluded("runbooks/db/disk-full.md");
      lint_bytes("fuzz.md", kRunbook, std::make_shared<const Config>(std::move(*config)));
    }
  }
  lint_bytes("fuzz.md", "---\n" + bytes + "\n---\n" + kRunbook, fuzz::lint_config());
  read_alert_rules(bytes);
  return 0;
}
