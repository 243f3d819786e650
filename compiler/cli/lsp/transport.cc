#include "compiler/cli/lsp/transport.h"

#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "compiler/cli/lsp/framing.h"
#include "compiler/cli/lsp/server.h"

namespace rbc::lsp {
namespace {

/// Message bodies from the reader thread; `closed` once the input ended or
/// could not be read.
struct Inbox {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<std::string> bodies;
  bool closed = false;
  std::string error;
};

void read_messages(int fd, std::shared_ptr<Inbox> inbox) {
  MessageReader reader;
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard lock(inbox->mutex);
    if (n <= 0) {
      inbox->closed = true;
      inbox->ready.notify_one();
      return;
    }
    reader.feed(std::string_view(buffer, static_cast<size_t>(n)));
    while (std::optional<std::string> body = reader.next()) inbox->bodies.push_back(std::move(*body));
    if (!reader.error().empty()) {
      inbox->error = reader.error();
      inbox->closed = true;
    }
    inbox->ready.notify_one();
    if (inbox->closed) return;
  }
}

void send(std::ostream& out, const nlohmann::json& message) {
  out << frame(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  out.flush();
}

}  // namespace

int serve(int in_fd, std::ostream& out, std::chrono::milliseconds debounce) {
  auto inbox = std::make_shared<Inbox>();
  // Detached: at `exit` the process ends while the thread may still be blocked in read().
  std::thread(read_messages, in_fd, inbox).detach();
  Server server(debounce);
  for (;;) {
    std::optional<std::string> body;
    bool closed = false;
    {
      std::unique_lock lock(inbox->mutex);
      auto has_work = [&] { return !inbox->bodies.empty() || inbox->closed; };
      if (std::optional<Clock::time_point> due = server.next_deadline())
        inbox->ready.wait_until(lock, *due, has_work);
      else
        inbox->ready.wait(lock, has_work);
      if (!inbox->bodies.empty()) {
        body = std::move(inbox->bodies.front());
        inbox->bodies.pop_front();
      } else {
        closed = inbox->closed;
      }
    }
    if (body) {
      nlohmann::json message = nlohmann::json::parse(*body, nullptr, false);
      if (message.is_discarded()) {
        send(out, {{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", "not valid JSON"}}}});
        continue;
      }
      for (const nlohmann::json& m : server.handle(message, Clock::now())) send(out, m);
      if (server.exited()) return server.exit_code();
    } else if (closed) {
      return 1;  // the client went away without `exit`
    }
    for (const nlohmann::json& m : server.tick(Clock::now())) send(out, m);
  }
}

}  // namespace rbc::lsp
