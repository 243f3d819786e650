#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool is_rails_tool(std::string_view word) {
  size_t slash = word.rfind('/');
  std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
  return base == "rails" || base == "rake";
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  // rails/rake directly, or through bundle exec.
  size_t tool = is_rails_tool(cmd.argv[0].text) ? 0 : std::string::npos;
  if (tool == std::string::npos && program(cmd) == "bundle" && cmd.argv.size() > 2 && cmd.argv[1].text == "exec" &&
      is_rails_tool(cmd.argv[2].text))
    tool = 2;
  if (tool == std::string::npos) return;
  for (size_t i = tool + 1; i < cmd.argv.size(); ++i) {
    std::string_view task = cmd.argv[i].text;
    if (task != "db:drop" && task != "db:reset" && task != "db:schema:load" && task != "db:purge" &&
        task != "db:drop:all" && task != "db:migrate:reset" && task != "db:seed:replant")
      continue;
    emit.report(cmd.argv[i].span,
                "`" + std::string(task) +
                    "` drops or empties the database of the current RAILS_ENV: in production every table and row "
                    "is lost",
                "run migrations (db:migrate) or a targeted data fix instead; these tasks are for development");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB292",
    .name = "rails-db-drop",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "rails/rake db:drop, db:reset, db:schema:load or db:purge wipes the database",
    .what = "Reports the Rails tasks db:drop, db:drop:all, db:reset, db:migrate:reset, db:schema:load, db:purge "
            "and db:seed:replant run through rails, rake, bin/rails or bundle exec.",
    .why = "Each one drops or truncates the database of the environment it runs in. Rails only refuses in "
           "production when the environment is recorded, and runbooks often add DISABLE_DATABASE_ENVIRONMENT_CHECK.",
    .instead = "Use db:migrate, db:rollback STEP=1, or a reviewed data fix.",
    .bad = {"# Reset\n\n```bash\nRAILS_ENV=staging bin/rails db:reset\n```\n", 4, 29},
    .good = {"# Migrate\n\n```bash\nbin/rails db:migrate\nbundle exec rake db:migrate:status\n```\n"},
    .on_command = {.names = {"rails", "rake", "bundle"}, .check = check},
});

}  // namespace
}  // namespace rbc
