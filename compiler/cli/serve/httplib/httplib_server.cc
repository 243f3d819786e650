// runbookc-http.so: the HttpServer of http_module.h over cpp-httplib. Built
// as a module of its own (see http_module.h); includes nothing of runbookc
// but that interface.
#include <httplib.h>

#include "compiler/cli/serve/http_module.h"

namespace rbc::serve {
namespace {

constexpr const char* kLoopback = "127.0.0.1";
/// Each open page holds a connection (and a thread) for its event stream.
constexpr size_t kThreads = 32;

class HttplibServer final : public HttpServer {
 public:
  explicit HttplibServer(HttpSite& site) : site_(site) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    // httplib's default is SO_REUSEPORT, with which a second server binds the
    // same port and the two share the requests. SO_REUSEADDR alone: a port
    // in use is refused, one left in TIME_WAIT by a server just stopped is not.
    server_.set_socket_options([](int sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { respond(req, res); });
  }

  bool bind(int port) override {
    if (port == 0) {
      port_ = server_.bind_to_any_port(kLoopback);
      return port_ > 0;
    }
    if (!server_.bind_to_port(kLoopback, port)) return false;
    port_ = port;
    return true;
  }
  int port() const override { return port_; }
  void listen() override { server_.listen_after_bind(); }
  void stop() override { server_.stop(); }

 private:
  void respond(const httplib::Request& req, httplib::Response& res) {
    HttpAnswer answer = site_.answer(req.path);
    res.status = answer.status;
    res.set_header("Cache-Control", "no-store");
    if (!answer.location.empty()) res.set_header("Location", answer.location);
    if (!answer.event_stream) {
      res.set_content(answer.body, answer.content_type);
      return;
    }
    auto seen = std::make_shared<std::optional<unsigned long>>();
    res.set_chunked_content_provider(answer.content_type, [this, seen](size_t, httplib::DataSink& sink) {
      std::optional<std::string> piece = site_.next_event(*seen);
      return piece && sink.write(piece->data(), piece->size());  // false ends the stream
    });
  }

  HttpSite& site_;
  httplib::Server server_;
  int port_ = 0;
};

}  // namespace
}  // namespace rbc::serve

extern "C" __attribute__((visibility("default"))) rbc::serve::HttpServer* runbookc_make_http_server(rbc::serve::HttpSite* site) {
  return new rbc::serve::HttplibServer(*site);
}
