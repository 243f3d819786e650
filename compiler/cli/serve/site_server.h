#pragma once
/// `runbookc serve`'s server: the SiteAnswers of one site directory, over
/// the HTTP module (http_module.h), on 127.0.0.1 only, on a thread of its own.
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "compiler/cli/serve/build_generations.h"
#include "compiler/cli/serve/site_answers.h"

namespace rbc::serve {

class SiteServer {
 public:
  SiteServer(std::filesystem::path root, BuildGenerations& generations);
  ~SiteServer();  ///< stop()s
  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  /// Loads the HTTP module; false with `error` set when it cannot be.
  bool load(std::string& error);
  /// Binds 127.0.0.1:`port` (0: any free port); false when the port cannot
  /// be had (in use, or privileged).
  bool bind(int port);
  /// The port bound.
  int port() const;
  /// Answers requests on a thread of its own until stop().
  void start();
  /// Ends the event streams and the server, and waits for them.
  void stop();

 private:
  BuildGenerations& generations_;
  SiteAnswers answers_;
  std::unique_ptr<HttpServer> http_;
  std::thread thread_;
};

}  // namespace rbc::serve
