#include "compiler/emit/script/shell_quote.h"

#include <cstdio>

namespace rbc {

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  out += '\'';
  return out;
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [&](const char* prefix, unsigned value, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%0*X", prefix, digits, value);
    out += buf;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    auto next = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    if (u == 0x1b) {
      out += "\\e";
    } else if ((u < 0x20 && u != '\t' && u != '\n' && !(u == '\r' && next(1) == '\n')) || u == 0x7f) {
      hex("\\x", u, 2);
    } else if (u == 0xc2 && next(1) >= 0x80 && next(1) <= 0x9f) {
      hex("\\u", next(1), 4);
      i += 1;
    } else if (u == 0xe2 && ((next(1) == 0x80 && next(2) >= 0xaa && next(2) <= 0xae) ||
                             (next(1) == 0x81 && next(2) >= 0xa6 && next(2) <= 0xa9))) {
      hex("\\u", 0x2000 + ((next(1) & 0x3f) << 6) + (next(2) & 0x3f), 4);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : text) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  return out;
}

}  // namespace rbc
