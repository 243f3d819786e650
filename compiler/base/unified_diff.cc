#include "compiler/base/unified_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace rbc {
namespace {

/// Lines with their newline (the last one may lack it).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

enum class Op : char { same = ' ', removed = '-', added = '+' };
struct Line {
  Op op;
  std::string_view text;
};

/// The edit script of a[ab, ae) → b[bb, be) by longest common subsequence;
/// a middle larger than `kMaxCells` is shown removed then added.
void match(const std::vector<std::string_view>& a, size_t ab, size_t ae, const std::vector<std::string_view>& b,
           size_t bb, size_t be, std::vector<Line>& out) {
  constexpr size_t kMaxCells = 4'000'000;
  size_t n = ae - ab, m = be - bb;
  if (n * m > kMaxCells) {
    for (size_t i = ab; i < ae; ++i) out.push_back({Op::removed, a[i]});
    for (size_t j = bb; j < be; ++j) out.push_back({Op::added, b[j]});
    return;
  }
  // lcs[i][j]: the common subsequence length of a[ab+i..) and b[bb+j..).
  std::vector<unsigned> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t x, size_t y) -> unsigned& { return lcs[x * (m + 1) + y]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      at(i, j) = a[ab + i] == b[bb + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[ab + i] == b[bb + j]) {
      out.push_back({Op::same, a[ab + i]});
      ++i, ++j;
    } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({Op::removed, a[ab + i++]});  // removals first at a change, as diff prints them
    } else {
      out.push_back({Op::added, b[bb + j++]});
    }
  }
}

void write_line(std::string& out, char op, std::string_view text) {
  out += op;
  out += text;
  if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
}

/// "start,count" as diff -u writes a hunk's range (an empty range names the line before it).
std::string range(size_t start, size_t count) {
  if (count == 1) return std::to_string(start);
  return fmt::format("{},{}", count == 0 ? start - 1 : start, count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name, unsigned context) {
  if (old_text == new_text) return {};
  std::vector<std::string_view> a = split_lines(old_text), b = split_lines(new_text);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<Line> lines;
  for (size_t i = 0; i < prefix; ++i) lines.push_back({Op::same, a[i]});
  match(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, lines);
  for (size_t i = a.size() - suffix; i < a.size(); ++i) lines.push_back({Op::same, a[i]});

  std::string out = fmt::format("--- {}\n+++ {}\n", old_name, new_name);
  size_t k = 0;
  while (k < lines.size()) {
    while (k < lines.size() && lines[k].op == Op::same) ++k;
    if (k == lines.size()) break;
    // A hunk: from `context` lines before this change to `context` lines
    // after the last change that is no more than 2*context lines from the next.
    size_t begin = k >= context ? k - context : 0;
    size_t end = k;
    while (true) {
      while (end < lines.size() && lines[end].op != Op::same) ++end;
      size_t next = end;
      while (next < lines.size() && lines[next].op == Op::same) ++next;
      if (next < lines.size() && next - end <= 2 * context) {
        end = next;
        continue;
      }
      end = std::min(lines.size(), end + context);
      break;
    }
    // Line numbers where the hunk starts, counted over what comes before it.
    size_t old_start = 1, new_start = 1, old_count = 0, new_count = 0;
    for (size_t i = 0; i < begin; ++i) {
      if (lines[i].op != Op::added) ++old_start;
      if (lines[i].op != Op::removed) ++new_start;
    }
    for (size_t i = begin; i < end; ++i) {
      if (lines[i].op != Op::added) ++old_count;
      if (lines[i].op != Op::removed) ++new_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(old_start, old_count), range(new_start, new_count));
    for (size_t i = begin; i < end; ++i) write_line(out, static_cast<char>(lines[i].op), lines[i].text);
    k = end;
  }
  return out;
}

}  // namespace rbc
