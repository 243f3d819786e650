#pragma once
/// Text pulled out of a step (a quoted string, a heredoc, a `bash -c` body)
/// with the offset in the step body of each of its bytes, so findings in it
/// point at the right place in the Markdown file.
#include <cstdint>
#include <string>
#include <vector>

namespace rbc {

struct MappedText {
  std::string text;
  std::vector<uint32_t> to_body;  ///< size text.size() + 1

  static MappedText identity(std::string text) {
    MappedText m;
    m.to_body.resize(text.size() + 1);
    for (uint32_t i = 0; i <= text.size(); ++i) m.to_body[i] = i;
    m.text = std::move(text);
    return m;
  }
  void append(char c, uint32_t body_offset) {
    if (!to_body.empty()) to_body.pop_back();
    text += c;
    to_body.push_back(body_offset);
    to_body.push_back(body_offset + 1);
  }
  /// other.text[begin, end) with its offsets: append() of each byte, in bulk.
  void append_mapped(const MappedText& other, uint32_t begin, uint32_t end) {
    if (begin >= end) return;
    if (!to_body.empty()) to_body.pop_back();
    text.append(other.text, begin, end - begin);
    to_body.insert(to_body.end(), other.to_body.begin() + begin, other.to_body.begin() + end);
    to_body.push_back(other.to_body[end - 1] + 1);
  }
  uint32_t body(uint32_t i) const { return to_body.empty() ? 0 : to_body[i < to_body.size() ? i : to_body.size() - 1]; }
};

}  // namespace rbc
