#include "compiler/cli/serve/site_server.h"

namespace rbc::serve {

SiteServer::SiteServer(std::filesystem::path root, BuildGenerations& generations)
    : generations_(generations), answers_(std::move(root), generations) {}

SiteServer::~SiteServer() { stop(); }

bool SiteServer::load(std::string& error) {
  http_ = load_http_server(answers_, error);
  return http_ != nullptr;
}

bool SiteServer::bind(int port) { return http_->bind(port); }

int SiteServer::port() const { return http_->port(); }

void SiteServer::start() {
  thread_ = std::thread([this] { http_->listen(); });
}

void SiteServer::stop() {
  generations_.stop();
  if (http_) http_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace rbc::serve
