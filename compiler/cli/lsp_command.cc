#include <unistd.h>

#include <iostream>
#include <memory>

#include "compiler/cli/commands.h"
#include "compiler/cli/lsp/transport.h"

namespace rbc {

Runner add_lsp_command(CLI::App& app) {
  auto debounce = std::make_shared<unsigned>(150);
  app.add_option("--debounce-ms", *debounce, "Milliseconds without a change before a changed document is linted again")
      ->type_name("MS")
      ->capture_default_str();
  return [debounce] {
    std::ios::sync_with_stdio(false);
    return lsp::serve(STDIN_FILENO, std::cout, std::chrono::milliseconds(*debounce));
  };
}

}  // namespace rbc
