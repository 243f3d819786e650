#pragma once
/// The HTTP side of `runbookc serve` (cpp-httplib): the files of one site
/// directory on 127.0.0.1 only, HTML pages with the reload script added,
/// and the stream of build generations that script listens to.
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "compiler/cli/serve/build_generations.h"

namespace rbc::serve {

class SiteServer {
 public:
  /// Serves the files under `root` (read on every request, so a rebuild
  /// that swaps the directory is seen at once).
  SiteServer(std::filesystem::path root, BuildGenerations& generations);
  ~SiteServer();  ///< stop()s
  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  /// Binds 127.0.0.1:`port` (0: any free port); false when the port cannot
  /// be had (in use, or privileged).
  bool bind(int port);
  /// The port bound.
  int port() const { return port_; }
  /// Answers requests on a thread of its own until stop().
  void start();
  /// Ends the event streams and the server, and waits for them.
  void stop();

 private:
  struct Http;
  std::unique_ptr<Http> http_;
  BuildGenerations& generations_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace rbc::serve
