#pragma once
/// What `runbookc serve` answers, whatever the HTTP server: the files of the
/// site directory (HTML with the reload script added), the reload script,
/// and the stream of build generations it listens to.
#include <chrono>
#include <filesystem>

#include "compiler/cli/serve/build_generations.h"
#include "compiler/cli/serve/http_module.h"

namespace rbc::serve {

class SiteAnswers final : public HttpSite {
 public:
  /// Answers from the files under `root`, read on every request (a rebuild
  /// swaps the directory); an idle event stream gets a comment every
  /// `keep_alive`, so that a closed page's connection is noticed.
  SiteAnswers(std::filesystem::path root, BuildGenerations& generations,
              std::chrono::milliseconds keep_alive = std::chrono::seconds(10))
      : root_(std::move(root)), generations_(generations), keep_alive_(keep_alive) {}

  HttpAnswer answer(const std::string& path) override;
  /// The current generation at first, then each new one (or a keep-alive comment).
  std::optional<std::string> next_event(std::optional<unsigned long>& seen) override;

 private:
  std::filesystem::path root_;
  BuildGenerations& generations_;
  std::chrono::milliseconds keep_alive_;
};

}  // namespace rbc::serve
