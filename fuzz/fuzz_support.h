#pragma once
/// What the fuzz targets share: a process set up for in-process runs only,
/// and the configuration inputs are linted under.
#include <cmark-gfm-core-extensions.h>

#include <cstdlib>
#include <memory>

#include "linter/config.h"

// ASan (gcc says __SANITIZE_ADDRESS__, clang __has_feature): LeakSanitizer's interface.
#if defined(__SANITIZE_ADDRESS__)
#define RUNBOOKC_FUZZ_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RUNBOOKC_FUZZ_LSAN 1
#endif
#endif
#ifdef RUNBOOKC_FUZZ_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace rbc::fuzz {

/// `bash -n` is looked up in PATH once: an empty PATH keeps the targets
/// in-process (no process per input; the verdict is then "ok", as when bash
/// is absent). Call before anything is linted.
inline void run_without_bash() { setenv("PATH", "/nonexistent-runbookc-fuzz", 1); }

/// cmark-gfm's extension registry is allocated once and kept for the
/// process's lifetime (no call frees it): registered here with LeakSanitizer
/// looking away, so that no suppression is needed (the frames of Debian's
/// cmark-gfm archive have no frame pointers, so a suppression would need the
/// slow unwinder on every malloc). Every other allocation stays checked.
inline void register_markdown_extensions() {
#ifdef RUNBOOKC_FUZZ_LSAN
  __lsan_disable();
#endif
  cmark_gfm_core_extensions_ensure_registered();
#ifdef RUNBOOKC_FUZZ_LSAN
  __lsan_enable();
#endif
}

/// What every target's LLVMFuzzerInitialize does.
inline void initialize() {
  run_without_bash();
  register_markdown_extensions();
}

/// The defaults, plus what they leave off: required sections (the rule is
/// silent without them) and a fixed date (reviews overdue, reproducibly).
inline std::shared_ptr<const Config> lint_config() {
  static const std::shared_ptr<const Config> config = [] {
    Config c = Config::defaults();
    c.today = *Date::from_ymd(2026, 1, 15);
    c.required_sections = {{"Mitigation", {"Mitigation", "Rollback"}}, {"Escalation", {"Escalation", "Contacts"}}};
    return std::make_shared<const Config>(std::move(c));
  }();
  return config;
}

}  // namespace rbc::fuzz
