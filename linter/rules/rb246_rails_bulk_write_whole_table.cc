#include <fmt/format.h>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    for (const RubyCall& call : step.facts.ruby) {
      bool bulk = call.method == "delete_all" || call.method == "destroy_all" || call.method == "update_all";
      if (!bulk || !call.unscoped) continue;
      std::string_view does = call.method == "update_all" ? "rewrites every row of the table"
                              : call.method == "delete_all"
                                  ? "deletes every row of the table in one SQL DELETE, without callbacks"
                                  : "loads and destroys every record of the table";
      emit.report(call.span, fmt::format("`{}.{}` {}; nothing limits it to the records meant", call.receiver,
                                         call.method, does),
                  "scope it first (`.where(...)`), count the records in the same session, and run it in a "
                  "transaction you can roll back");
    }
  }
}

const bool registered = register_rule({
    .code = "RB246",
    .name = "rails-bulk-write-whole-table",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "delete_all, destroy_all or update_all on a whole Active Record model",
    .what = "Reports `Model.delete_all`, `Model.destroy_all` and `Model.update_all(...)` (also through `.all` or "
            "`.unscoped`) in Ruby: a ```ruby block, an untagged Rails console session, or `rails runner '...'`.",
    .why = "Without a scope these are the Rails spelling of DELETE or UPDATE without WHERE: every row of the table "
           "changes at once, and only a restore brings it back.",
    .instead = "Scope the relation (`User.where(id: ids).delete_all`), check `.count` first, and wrap it in "
               "`ActiveRecord::Base.transaction`.",
    .bad = {"# Reset\n\n```ruby\nSession.delete_all\n```\n", 4, 9},
    .good = {"# Reset\n\n```ruby\nSession.where(user_id: 42).delete_all\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
