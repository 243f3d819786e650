#include <fmt/format.h>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    for (const RubyCall& call : step.facts.ruby) {
      bool bulk = call.method == "delete_all" || call.method == "destroy_all" || call.method == "update_all";
      if (call.method == "update_all" || (bulk && call.unscoped)) continue;  // RB246's, or a bounded update
      std::string what = call.receiver.empty() ? fmt::format("`&:{}`", call.method)
                                               : fmt::format("`.{}`", call.method);
      std::string_view does = call.method == "purge" ? "deletes the stored file for good"
                              : bulk                 ? "deletes every record the relation matches"
                                                     : "deletes the record (or queued job) it is called on";
      emit.report(call.span, fmt::format("{} {}; there is no undo short of a restore", what, does),
                  "check what it will delete first (`.count`, `.pluck(:id)`) and keep the ids to restore from "
                  "a backup");
    }
  }
}

const bool registered = register_rule({
    .code = "RB247",
    .name = "ruby-deletes-records",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Ruby code deletes records: .destroy, .delete, a scoped delete_all, &:delete",
    .what = "Reports calls that delete data in Ruby (a ```ruby block, an untagged Rails console session, "
            "`rails runner '...'`): `.destroy`, `.destroy!`, `.delete` without arguments (`.delete(key)` on a "
            "hash or array is not reported), `.really_destroy!`, `.purge`, `map(&:delete)`, and `delete_all` / "
            "`destroy_all` on a scoped relation. A whole-table one is RB246's; a Redis client's `flushall` / "
            "`flushdb` is RB250's.",
    .why = "A console one-liner deletes as surely as SQL does, and the records it matched are not shown first.",
    .instead = "Look at what matches first (`.count`, `.pluck(:id)`), keep the ids, and declare the danger on the "
               "block.",
    .bad = {"# Remove\n\n```ruby\nUser.find_by(email: \"a@example.com\").destroy\n```\n", 4, 38},
    .good = {"# Inspect\n\n```ruby\nUser.find_by(email: \"a@example.com\")\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
