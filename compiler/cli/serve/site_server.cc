#include "compiler/cli/serve/site_server.h"

#include <httplib.h>

#include "compiler/base/file_io.h"
#include "compiler/cli/serve/reload_script.h"
#include "compiler/cli/serve/served_file.h"

namespace rbc::serve {
namespace {

constexpr const char* kLoopback = "127.0.0.1";
/// A comment line this often on an idle event stream: a closed page's
/// connection is noticed (and its thread freed) by the failed write.
constexpr std::chrono::seconds kKeepAlive{10};
/// Each open page holds a connection (and a thread) for its event stream.
constexpr size_t kThreads = 32;

void answer_status(httplib::Response& res, int status, const char* text) {
  res.status = status;
  res.set_content(text, "text/plain; charset=utf-8");
}

}  // namespace

struct SiteServer::Http {
  httplib::Server server;
  std::filesystem::path root;
};

SiteServer::SiteServer(std::filesystem::path root, BuildGenerations& generations)
    : http_(std::make_unique<Http>()), generations_(generations) {
  http_->root = std::move(root);
  httplib::Server& server = http_->server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // httplib's default is SO_REUSEPORT, with which a second server binds the
  // same port and the two share the requests. SO_REUSEADDR alone: a port
  // in use is refused, one left in TIME_WAIT by a server just stopped is not.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (req.path == kEventsPath) {
      auto seen = std::make_shared<std::optional<unsigned long>>();
      res.set_chunked_content_provider("text/event-stream", [this, seen](size_t, httplib::DataSink& sink) {
        std::optional<unsigned long> now = *seen ? generations_.wait_for_change(**seen, kKeepAlive) : generations_.current();
        if (!now) return false;  // shutting down
        std::string chunk = *seen == now ? std::string(": keep-alive\n\n") : generation_event(*now);
        *seen = now;
        return sink.write(chunk.data(), chunk.size());
      });
      return;
    }
    if (req.path == kReloadScriptPath) {
      res.set_content(std::string(reload_script()), "text/javascript; charset=utf-8");
      return;
    }
    ServedFile file = resolve_served_file(http_->root, req.path);
    switch (file.kind) {
      case ServedFile::Kind::forbidden: return answer_status(res, 403, "403 Forbidden: outside the site\n");
      case ServedFile::Kind::not_found: return answer_status(res, 404, "404 Not Found\n");
      case ServedFile::Kind::redirect: return res.set_redirect(file.location, 302);
      case ServedFile::Kind::file: break;
    }
    // The generation first: a page read during a rebuild says the older one, and is reloaded.
    std::optional<unsigned long> generation = generations_.current();
    std::string bytes;
    if (!generation || !read_file(file.path, bytes)) return answer_status(res, 404, "404 Not Found\n");
    std::string_view type = content_type_for(file.path);
    if (file.path.extension() == ".html") bytes = inject_reload_script(bytes, *generation);
    res.set_content(std::move(bytes), std::string(type));
  });
}

SiteServer::~SiteServer() { stop(); }

bool SiteServer::bind(int port) {
  if (port == 0) {
    port_ = http_->server.bind_to_any_port(kLoopback);
    return port_ > 0;
  }
  if (!http_->server.bind_to_port(kLoopback, port)) return false;
  port_ = port;
  return true;
}

void SiteServer::start() {
  thread_ = std::thread([this] { http_->server.listen_after_bind(); });
}

void SiteServer::stop() {
  generations_.stop();
  http_->server.stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace rbc::serve
