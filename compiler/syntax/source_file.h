#pragma once
/// A runbook's bytes and the map from byte offsets to 1-based line:column.
/// Columns count Unicode code points (what editors show), a tab counts as one.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct Position {
  uint32_t line = 1;    ///< 1-based
  uint32_t column = 1;  ///< 1-based, in code points
};

class SourceFile {
 public:
  /// `bytes` as read from disk; a leading UTF-8 BOM is dropped (offsets are
  /// relative to the text after it, which is what editors number).
  SourceFile(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  bool had_bom() const { return had_bom_; }

  Position position(uint32_t offset) const;
  /// 1-based line holding `offset` (position() without the column count).
  uint32_t line_at(uint32_t offset) const;
  /// Offset of the first byte of 1-based `line`.
  uint32_t line_start(uint32_t line) const;
  /// Text of 1-based `line` without its line ending.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

  /// Replaces every byte of an invalid UTF-8 sequence with '?', keeping
  /// offsets, and returns the offsets of the first byte of each bad sequence.
  std::vector<uint32_t> repair_utf8();

 private:
  std::string path_;
  std::string text_;
  bool had_bom_ = false;
  std::vector<uint32_t> line_starts_;
  /// Entry k: continuation bytes in the first k * kCheckpoint bytes, so a
  /// column on a very long line is found without counting from its start.
  static constexpr uint32_t kCheckpoint = 4096;
  std::vector<uint32_t> checkpoints_;
  void index_checkpoints();
  uint32_t code_points_before(uint32_t offset) const;
};

/// Number of code points in `s` (continuation bytes are not counted).
/// Offset of the first byte >= 0x80 at or after `from`, or npos; eight bytes
/// per step, since most runbook text is ASCII.
size_t find_non_ascii(std::string_view text, size_t from = 0);
uint32_t count_code_points(std::string_view s);

}  // namespace rbc
