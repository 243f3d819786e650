#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool is_shell(const Command& cmd) { return program_is(cmd, {"sh", "bash", "zsh", "dash", "ksh", "source", "."}); }

bool is_download(std::string_view text) {
  return text.find("curl ") != std::string_view::npos || text.find("wget ") != std::string_view::npos;
}

constexpr const char* kMessage =
    "runs a script straight from the network: whatever the server returns today (or a truncated download) "
    "executes with this shell's privileges, unreviewed";
constexpr const char* kHelp = "download the script to a file, check its checksum or read it, then run the file";

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (!is_checked(step)) continue;
    const auto& cmds = step.facts.commands;
    for (size_t i = 0; i < cmds.size(); ++i) {
      const Command& cmd = cmds[i];
      if (cmd.argv.empty()) continue;
      // `curl ... | sh`: a shell reading its script from a pipe fed by a download.
      if (is_shell(cmd) && cmd.pipeline >= 0 && cmd.position_in_pipeline > 0) {
        bool reads_stdin = operands(cmd).empty() || has_flag(cmd, "s");
        bool fed_by_download = false;
        for (const Command& other : cmds)
          if (other.pipeline == cmd.pipeline && other.position_in_pipeline < cmd.position_in_pipeline &&
              program_is(other, {"curl", "wget"}))
            fed_by_download = true;
        if (reads_stdin && fed_by_download) {
          emit.report(cmd.argv[0].span, std::string("`| ") + std::string(program(cmd)) + "` " + kMessage, kHelp);
          continue;
        }
      }
      // `bash <(curl ...)`, `source <(curl ...)`.
      if (is_shell(cmd)) {
        for (size_t k = 1; k < cmd.argv.size(); ++k)
          if (!cmd.argv[k].literal && starts_with(cmd.argv[k].text, "<(") && is_download(cmd.argv[k].text))
            emit.report(cmd.argv[k].span, std::string("`") + std::string(program(cmd)) + " <(...)` " + kMessage, kHelp);
      }
      // `sh -c "$(curl ...)"`: the nested command is the download's output.
      if (!cmd.wrappers.empty() && cmd.wrappers.back().ends_with(" -c") && !cmd.argv[0].literal &&
          starts_with(cmd.argv[0].text, "$(") && is_download(cmd.argv[0].text))
        emit.report(cmd.argv[0].span, "`" + cmd.wrappers.back() + " \"$(curl ...)\"` " + kMessage, kHelp);
    }
  }
}

const bool registered = register_rule({
    .code = "RB203",
    .name = "curl-pipe-shell",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "A script downloaded with curl or wget is executed without being saved or checked",
    .what = "Reports `curl ... | sh` (bash, zsh, also under sudo), `bash <(curl ...)`, `source <(curl ...)` and "
            "`sh -c \"$(curl ...)\"`, and the same with wget.",
    .why = "The bytes that run are whatever the server sends at that moment: a compromised or changed script, an "
           "error page, or a download cut mid-line that executes half a command, all with the operator's rights.",
    .instead = "Download to a file, verify a pinned checksum or read it, then run the file.",
    .bad = {"# Install\n\n```bash\ncurl -fsSL https://get.example.com/install.sh | sudo bash\n```\n", 4, 54},
    .good = {"# Install\n\n```bash\ncurl -fsSL -o install.sh https://get.example.com/install.sh\n"
             "sha256sum -c install.sh.sha256\nbash install.sh\ncurl -s https://api.example.com/health | jq .\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
