#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool world_writable(std::string_view mode) {
  if (mode.size() >= 3 && mode.size() <= 4 && std::all_of(mode.begin(), mode.end(), [](char c) { return c >= '0' && c <= '7'; })) {
    char others = mode.back();
    return others == '7' || others == '6' || others == '2' || others == '3';
  }
  // Symbolic: a+w, o+rwx, ugo+rwx, +w (a+w for everyone).
  size_t plus = mode.find('+');
  if (plus == std::string_view::npos || mode.find('w', plus) == std::string_view::npos) return false;
  std::string_view who = mode.substr(0, plus);
  return who.empty() || who.find('a') != std::string_view::npos || who.find('o') != std::string_view::npos;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2 || !world_writable(cmd.argv[ops[0]].text)) return;
  bool recursive = has_flag(cmd, "R", {"--recursive"});
  bool root = false;
  for (size_t k = 1; k < ops.size(); ++k) root = root || cmd.argv[ops[k]].text == "/" || cmd.argv[ops[k]].text == "/*";
  if (!recursive && !root) return;
  const Word& mode = cmd.argv[ops[0]];
  emit.report(mode.span,
              "`chmod " + std::string(recursive ? "-R " : "") + mode.text +
                  "` makes a whole tree writable by every user and process on the host; it is a security hole and "
                  "restoring the old permissions is guesswork",
              "grant the one user or group that needs access (chown, or chmod g+w on the exact path)");
}

const bool registered = register_rule({
    .code = "RB206",
    .name = "chmod-recursive-world-writable",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "chmod -R 777 (or any world-writable mode) over a directory tree",
    .what = "Reports `chmod -R`/`--recursive` with a mode that lets others write (777, 666, o+w, a+rwx, +w), and "
            "such a mode on `/` even without -R.",
    .why = "A permission problem \"fixed\" with 777 leaves secrets readable and binaries replaceable by any "
           "process, and the previous, correct permissions are not recorded anywhere.",
    .instead = "Find which user needs access and grant it narrowly: `chown app:app dir`, `chmod g+w dir`.",
    .bad = {"# Fix permissions\n\n```bash\nsudo chmod -R 777 /var/www\n```\n", 4, 15},
    .good = {"# Fix permissions\n\n```bash\nsudo chown -R www-data:www-data /var/www\nchmod 755 deploy.sh\n```\n"},
    .on_command = {.names = {"chmod"}, .check = check},
});

}  // namespace
}  // namespace rbc
