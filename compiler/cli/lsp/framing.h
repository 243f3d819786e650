#pragma once
/// The base protocol of the Language Server Protocol: each message is a
/// header block (`Content-Length: N`, other fields ignored, lines ended by
/// CRLF, an empty line) followed by N bytes of JSON. Bytes arrive in pieces
/// of any size; the reader hands out whole bodies.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rbc::lsp {

class MessageReader {
 public:
  /// Appends bytes read from the client.
  void feed(std::string_view bytes);
  /// The next whole message body, or nullopt until more bytes arrive (or
  /// after a header without a valid Content-Length: see error()).
  std::optional<std::string> next();
  /// Set when a header block had no valid Content-Length: the stream cannot
  /// be resynchronised, the server stops.
  const std::string& error() const { return error_; }

 private:
  std::string buffer_;
  size_t consumed_ = 0;  ///< bytes of buffer_ already handed out
  std::string error_;
};

/// `body` with its header: what goes to the client.
std::string frame(std::string_view body);

}  // namespace rbc::lsp
