// runbookc: Markdown incident runbooks as source code.
#include <signal.h>

#include <iostream>

#include "compiler/cli/cli_app.h"

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a closed pipe is an I/O error, not a crash
  rbc::CliApp cli = rbc::make_cli_app();
  try {
    cli.app->parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::string explained = rbc::explain_parse_error(*cli.app, std::vector<std::string>(argv + 1, argv + argc), e);
    if (!explained.empty()) {
      std::cerr << "runbookc: error: " << explained << "\n";
      return 2;
    }
    int rc = cli.app->exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (auto& [sub, run] : cli.runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "runbookc: error: " << e.what() << "\n";
        return 2;
      }
    }
  return 2;
}
