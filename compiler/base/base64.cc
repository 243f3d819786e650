#include "compiler/base/base64.h"

namespace rbc {
namespace {

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t at = 0; at < text.size(); at += 4) {
    uint32_t group = 0;
    for (size_t k = 0; k < 4; ++k) {
      char c = text[at + k];
      bool pad = c == '=' && at + 4 == text.size() && k >= 4 - padding;
      int v = pad ? 0 : sextet(c);
      if (v < 0) return std::nullopt;
      group = group << 6 | static_cast<uint32_t>(v);
    }
    out += static_cast<char>(group >> 16 & 0xFF);
    if (!(at + 4 == text.size() && padding == 2)) out += static_cast<char>(group >> 8 & 0xFF);
    if (!(at + 4 == text.size() && padding >= 1)) out += static_cast<char>(group & 0xFF);
  }
  return out;
}

}  // namespace rbc
