#pragma once
/// The HTTP server of `runbookc serve` lives in a module of its own
/// (runbookc-http.so, over cpp-httplib), loaded only by `serve`: Debian
/// ships cpp-httplib as a shared library only, and linking it into runbookc
/// would load it, with OpenSSL, zlib, brotli and libstdc++, into every
/// command (2.3 ms more for a one-file lint, measured).
///
/// The module and runbookc meet through two interfaces of virtual functions
/// and one C entry point: no other symbol crosses, so nothing depends on
/// how either side links its C++ runtime.
#include <memory>
#include <optional>
#include <string>

namespace rbc::serve {

/// An answer to a GET request.
struct HttpAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;       ///< for a redirect
  bool event_stream = false;  ///< the body is produced by HttpSite::next_event instead
};

/// What runbookc implements: the answers. Called from the server's threads.
class HttpSite {
 public:
  virtual ~HttpSite() = default;
  /// The answer for `path` (percent-decoded, without the query).
  virtual HttpAnswer answer(const std::string& path) = 0;
  /// The next piece of an event stream, blocking until there is one
  /// (`seen` is the stream's own state, empty at first); nullopt ends it.
  virtual std::optional<std::string> next_event(std::optional<unsigned long>& seen) = 0;
};

/// What the module implements: a server on 127.0.0.1.
class HttpServer {
 public:
  virtual ~HttpServer() = default;
  /// Binds 127.0.0.1:`port` (0: any free port); false when the port cannot be had.
  virtual bool bind(int port) = 0;
  /// The port bound.
  virtual int port() const = 0;
  /// Answers requests until stop(); returns then.
  virtual void listen() = 0;
  /// Makes listen() return (callable from another thread).
  virtual void stop() = 0;
};

/// The module's entry point: a new server answering through `site`.
using MakeHttpServer = HttpServer* (*)(HttpSite* site);
inline constexpr const char* kMakeHttpServer = "runbookc_make_http_server";
/// The module's file name, found beside the runbookc binary (a build tree)
/// or where it is installed relative to it (RUNBOOKC_HTTP_MODULE_FROM_BINDIR).
inline constexpr const char* kHttpModuleName = "runbookc-http.so";

/// Loads the module and makes a server answering through `site` (which
/// must outlive it); nullptr with `error` set when the module is missing.
std::unique_ptr<HttpServer> load_http_server(HttpSite& site, std::string& error);

}  // namespace rbc::serve
