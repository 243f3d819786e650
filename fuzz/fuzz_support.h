#pragma once
/// What the fuzz targets share: a process set up for in-process runs only,
/// and the configuration inputs are linted under.
#include <cstdlib>
#include <memory>

#include "linter/config.h"

namespace rbc::fuzz {

/// `bash -n` is looked up in PATH once: an empty PATH keeps the targets
/// in-process (no process per input; the verdict is then "ok", as when bash
/// is absent). Call before anything is linted.
inline void run_without_bash() { setenv("PATH", "/nonexistent-runbookc-fuzz", 1); }

/// The defaults, plus what they leave off: required sections (the rule is
/// silent without them) and a fixed date (reviews overdue, reproducibly).
inline std::shared_ptr<const Config> lint_config() {
  static const std::shared_ptr<const Config> config = [] {
    Config c = Config::defaults();
    c.today = Date{2026, 1, 15};
    c.required_sections = {{"Mitigation", {"Mitigation", "Rollback"}}, {"Escalation", {"Escalation", "Contacts"}}};
    return std::make_shared<const Config>(std::move(c));
  }();
  return config;
}

}  // namespace rbc::fuzz
