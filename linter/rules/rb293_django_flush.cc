#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  // python manage.py flush, ./manage.py flush, django-admin flush.
  size_t script = std::string::npos;
  for (size_t i = 0; i < cmd.argv.size() && i < 3; ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w.ends_with("manage.py") || w == "django-admin") script = i;
  }
  if (script == std::string::npos || script + 1 >= cmd.argv.size()) return;
  std::string_view task = cmd.argv[script + 1].text;
  if (task != "flush" && task != "reset_db" && task != "sqlflush") return;
  if (task == "sqlflush") return;  // only prints the SQL
  emit.report(cmd.argv[script + 1].span,
              "`manage.py " + std::string(task) +
                  "` deletes all data from every table of the configured database; with --noinput it does not ask",
              "delete the specific rows with a reviewed query or a data migration instead");
}

const bool registered = register_rule({
    .code = "RB293",
    .name = "django-flush",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "manage.py flush (or reset_db) deletes all database data",
    .what = "Reports `manage.py flush`, `django-admin flush` and django-extensions' `reset_db`. `sqlflush`, which "
            "only prints SQL, is not reported.",
    .why = "flush truncates every table the project's models use, users and sessions included; against "
           "production settings the data is gone.",
    .instead = "Remove the specific rows with a reviewed query or data migration.",
    .bad = {"# Reset\n\n```bash\npython manage.py flush --noinput\n```\n", 4, 18},
    .good = {"# Migrate\n\n```bash\npython manage.py migrate\npython manage.py sqlflush\n```\n"},
    .on_command = {.names = {kEveryName}, .check = check},
});

}  // namespace
}  // namespace rbc
