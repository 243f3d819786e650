#pragma once
/// The language server's state machine: JSON-RPC messages in, messages out.
/// It owns the open documents (full text, synchronised whole at each change)
/// and each one's last lint. A change restarts the document's timer; a
/// document is linted when its timer runs out (tick), or at once when a code
/// action or hover needs its findings. No I/O and no threads here: serve()
/// (transport.h) feeds it messages and the clock.
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "compiler/cli/lsp/positions.h"
#include "linter/driver.h"

namespace rbc::lsp {

using Clock = std::chrono::steady_clock;

/// The path a `file://` URI names (percent-escapes decoded); another
/// scheme's URI is returned as it is.
std::string path_of_uri(const std::string& uri);

class Server {
 public:
  explicit Server(std::chrono::milliseconds debounce = std::chrono::milliseconds(150));

  /// One message from the client (request, notification or a response to
  /// us); returns what to send back, in order.
  std::vector<nlohmann::json> handle(const nlohmann::json& message, Clock::time_point now);
  /// Lints the documents whose timer ran out by `now`: their
  /// textDocument/publishDiagnostics.
  std::vector<nlohmann::json> tick(Clock::time_point now);
  /// When tick() next has work, if ever.
  std::optional<Clock::time_point> next_deadline() const;

  /// After the `exit` notification: the process exits with exit_code()
  /// (0 when `shutdown` came first, 1 otherwise, as the protocol says).
  bool exited() const { return exited_; }
  int exit_code() const { return shut_down_ ? 0 : 1; }
  Encoding encoding() const { return encoding_; }

 private:
  struct Document {
    std::string uri;
    std::string text;
    int version = 0;
    std::optional<Clock::time_point> due;  ///< set: a lint is pending
    std::optional<FileResult> result;      ///< the last lint (of `linted_version`); none: excluded
    int linted_version = -1;
  };

  std::vector<nlohmann::json> request(const std::string& method, const nlohmann::json& id,
                                      const nlohmann::json& params);
  std::vector<nlohmann::json> notification(const std::string& method, const nlohmann::json& params,
                                           Clock::time_point now);
  /// Lints `doc` now; returns its publishDiagnostics and any log message.
  std::vector<nlohmann::json> lint(Document& doc);
  /// The document of params.textDocument.uri, linted if a change is pending.
  Document* fresh(const nlohmann::json& params, std::vector<nlohmann::json>& out);
  nlohmann::json initialize_result(const nlohmann::json& params);
  nlohmann::json code_action_result(Document& doc, const nlohmann::json& params);
  nlohmann::json hover_result(Document& doc, const nlohmann::json& params);

  std::chrono::milliseconds debounce_;
  std::map<std::string, Document> documents_;  ///< by URI
  Encoding encoding_ = Encoding::utf16;
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

}  // namespace rbc::lsp
