#include "compiler/cli/lsp/framing.h"

#include <charconv>

#include "compiler/base/ascii.h"

namespace rbc::lsp {

void MessageReader::feed(std::string_view bytes) {
  if (consumed_ > 0 && consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  }
  buffer_.append(bytes);
}

std::optional<std::string> MessageReader::next() {
  if (!error_.empty()) return std::nullopt;
  std::string_view rest = std::string_view(buffer_).substr(consumed_);
  size_t header_end = rest.find("\r\n\r\n");
  if (header_end == std::string_view::npos) return std::nullopt;
  std::string_view headers = rest.substr(0, header_end);
  std::optional<size_t> length;
  while (!headers.empty()) {
    size_t eol = headers.find("\r\n");
    std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (ascii_lower(line.substr(0, colon)) != "content-length") continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) break;
    length = n;
  }
  if (!length) {
    error_ = "a message header without a valid Content-Length";
    return std::nullopt;
  }
  size_t body_start = header_end + 4;
  if (rest.size() - body_start < *length) return std::nullopt;
  std::string body(rest.substr(body_start, *length));
  consumed_ += body_start + *length;
  if (consumed_ > 1 << 20) {  // keep the buffer from growing with every message
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  return body;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace rbc::lsp
