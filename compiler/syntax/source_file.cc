#include "compiler/syntax/source_file.h"

#include <cstdint>
#include <cstring>

#include <algorithm>
#include <utf8proc.h>

namespace rbc {

SourceFile::SourceFile(std::string path, std::string bytes) : path_(std::move(path)) {
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bytes.erase(0, 3);
    had_bom_ = true;
  }
  text_ = std::move(bytes);
  line_starts_.push_back(0);
  const char* data = text_.data();
  size_t size = text_.size();
  if (!std::memchr(data, '\r', size)) {  // the usual case: memchr finds each line end
    for (const char* nl = static_cast<const char*>(std::memchr(data, '\n', size)); nl;
         nl = static_cast<const char*>(std::memchr(nl + 1, '\n', size - static_cast<size_t>(nl + 1 - data))))
      line_starts_.push_back(static_cast<uint32_t>(nl + 1 - data));
  } else {
    for (uint32_t i = 0; i < size; ++i) {
      if (data[i] == '\n') line_starts_.push_back(i + 1);
      // A lone CR (old Mac line ending) also ends a line, as in CommonMark.
      else if (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n'))
        line_starts_.push_back(i + 1);
    }
  }
  if (line_starts_.size() > 1 && line_starts_.back() == text_.size()) line_starts_.pop_back();
  index_checkpoints();
}

namespace {

uint32_t continuation_bytes(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) == 0x80;
  return n;
}

}  // namespace

void SourceFile::index_checkpoints() {
  checkpoints_.assign(text_.size() / kCheckpoint + 1, 0);
  std::string_view text(text_);
  for (size_t k = 1; k < checkpoints_.size(); ++k)
    checkpoints_[k] = checkpoints_[k - 1] + continuation_bytes(text.substr((k - 1) * kCheckpoint, kCheckpoint));
}

uint32_t SourceFile::code_points_before(uint32_t offset) const {
  size_t k = offset / kCheckpoint;
  uint32_t block = static_cast<uint32_t>(k * kCheckpoint);
  return offset - checkpoints_[k] - continuation_bytes(std::string_view(text_).substr(block, offset - block));
}

size_t find_non_ascii(std::string_view text, size_t from) {
  size_t i = from;
  for (uint64_t word; i + 8 <= text.size(); i += 8) {
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
  return std::string_view::npos;
}

uint32_t count_code_points(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Position SourceFile::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  if (offset - start <= 2 * kCheckpoint)
    return {line, 1 + count_code_points(std::string_view(text_).substr(start, offset - start))};
  return {line, 1 + code_points_before(offset) - code_points_before(start)};
}

uint32_t SourceFile::line_at(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceFile::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view v(text_.data() + start, end - start);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

std::vector<uint32_t> SourceFile::repair_utf8() {
  std::vector<uint32_t> bad;
  size_t i = 0;
  while ((i = find_non_ascii(text_, i)) != std::string::npos) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + i),
                              static_cast<utf8proc_ssize_t>(text_.size() - i), &cp);
    if (n > 0) {
      i += static_cast<size_t>(n);
      continue;
    }
    bad.push_back(static_cast<uint32_t>(i));
    // Skip the lead byte and any continuation bytes that followed it.
    text_[i++] = '?';
    while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) text_[i++] = '?';
  }
  if (!bad.empty()) index_checkpoints();
  return bad;
}

}  // namespace rbc
