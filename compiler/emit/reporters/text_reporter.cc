#include <fmt/color.h>
#include <fmt/format.h>

#include <ostream>

#include "compiler/emit/reporters/reporter.h"

namespace rbc {
namespace {

fmt::text_style style_of(Severity s) {
  switch (s) {
    case Severity::error: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red);
    case Severity::warning: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::yellow);
    case Severity::note: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan);
  }
  return {};
}

/// `text` in `style` on a colour terminal, as it is otherwise.
std::string paint(bool color, fmt::text_style style, std::string_view text) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

/// Lines longer than this (in code points) are shown clipped around the
/// finding: printing a whole long line per finding made the report quadratic.
constexpr uint32_t kLongLine = 500;
constexpr uint32_t kColumnsBefore = 80;
constexpr uint32_t kExcerptColumns = 240;

/// Moves `at` by `count` code points within `line` (backwards when negative).
size_t step_code_points(std::string_view line, size_t at, long count) {
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  for (; count < 0 && at > 0; ++count)
    do --at; while (at > 0 && continuation(at));
  for (; count > 0 && at < line.size(); --count)
    do ++at; while (at < line.size() && continuation(at));
  return at;
}

/// What is printed under the location: the line (or a window of it) and where the caret starts.
struct Excerpt {
  std::string text;
  uint32_t caret_column = 1;  ///< 1-based, in code points of `text`
  uint32_t chars = 0;         ///< code points in `text`
};

Excerpt excerpt_of(const SourceFile& src, const Diagnostic& d, std::string_view line, uint32_t line_chars) {
  if (line_chars <= kLongLine) return {display_line(line), d.start.column, line_chars};
  uint32_t column = std::min(d.start.column, line_chars + 1);
  uint32_t first = column > kColumnsBefore ? column - kColumnsBefore : 1;
  uint32_t last = std::min(line_chars, first + kExcerptColumns - 1);
  // Byte offset of `column` in `line`: from the finding's span when it is that place, else counted.
  uint32_t line_begin = src.line_start(d.start.line);
  size_t at = d.span.begin >= line_begin && d.span.begin <= line_begin + line.size() &&
                      src.position(d.span.begin).column == d.start.column
                  ? d.span.begin - line_begin
                  : step_code_points(line, 0, column - 1);
  size_t begin = step_code_points(line, at, -static_cast<long>(column - first));
  size_t end = step_code_points(line, at, static_cast<long>(last + 1) - column);
  Excerpt e;
  e.text = (first > 1 ? "…" : "") + display_line(line.substr(begin, end - begin)) + (last < line_chars ? "…" : "");
  e.caret_column = (first > 1 ? 1 : 0) + d.start.column - first + 1;
  e.chars = (first > 1) + (last - first + 1) + (last < line_chars);
  return e;
}

}  // namespace

/// Text as it may reach a terminal: a tab is a space, and each control
/// character one visible code point (U+2400 control pictures such as ␛ for
/// ESC, U+FFFD for C1 controls), so runbook text cannot move the cursor or
/// hide the report, and carets stay under the column they point at.
std::string display_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    auto u = static_cast<unsigned char>(line[i]);
    if (u == '\t') {
      out += ' ';
    } else if (u < 0x20) {
      out += "\xe2\x90";
      out += static_cast<char>(0x80 + u);  // U+2400 + u
    } else if (u == 0x7f) {
      out += "\xe2\x90\xa1";  // U+2421 SYMBOL FOR DELETE
    } else if (u == 0xc2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(line[i + 1]) <= 0x9f) {
      out += "\xef\xbf\xbd";  // U+FFFD
      ++i;
    } else {
      out += line[i];
    }
  }
  return out;
}


void report_text(std::ostream& out, const LintRun& run, bool color) {
  const fmt::text_style bold = fmt::emphasis::bold, dim = fmt::emphasis::faint;
  for (const auto& file : run.files) {
    uint32_t counted_line = 0, line_chars = 0;  // findings come sorted: count each line once
    for (const auto& d : file.diagnostics) {
      out << paint(color, bold, fmt::format("{}:{}:{}:", d.path, d.start.line, d.start.column)) << ' '
          << paint(color, style_of(d.severity), std::string(to_string(d.severity)) + ":") << ' '
          << paint(color, bold, fmt::format("{} [{} {}]", display_line(d.message), d.code, d.rule)) << '\n';
      std::string_view line = file.runbook.source ? file.runbook.source->line_text(d.start.line) : std::string_view();
      if (!line.empty()) {
        std::string gutter = std::to_string(d.start.line);
        if (counted_line != d.start.line) counted_line = d.start.line, line_chars = count_code_points(line);
        Excerpt shown = excerpt_of(*file.runbook.source, d, line, line_chars);
        out << paint(color, dim, gutter + " |") << ' ' << shown.text << '\n';
        uint32_t width = d.end.line == d.start.line && d.end.column > d.start.column ? d.end.column - d.start.column : 1;
        if (shown.caret_column - 1 + width > shown.chars + 1)
          width = std::max<uint32_t>(1, shown.chars + 1 - (shown.caret_column - 1));
        out << paint(color, dim, std::string(gutter.size(), ' ') + " |") << ' ' << std::string(shown.caret_column - 1, ' ')
            << paint(color, style_of(d.severity), "^" + std::string(width - 1, '~')) << '\n';
      }
      if (!d.help.empty()) out << fmt::format("  = help: {}\n", display_line(d.help));
      if (d.fix)
        out << fmt::format("  = fix: {} ({})\n", display_line(d.fix->title),
                           d.fix->safe ? "safe: runbookc lint --fix" : "unsafe: runbookc lint --fix --unsafe-fixes");
      out << fmt::format("  = see: runbookc explain {}\n", d.code);
    }
  }
  report_summary_line(out, run);
  // Like ruff's "[*] N fixable with the --fix option": users learn of --fix here.
  size_t safe = 0, unsafe = 0;
  for (const auto& file : run.files)
    for (const auto& d : file.diagnostics)
      if (d.fix) ++(d.fix->safe ? safe : unsafe);
  if (safe > 0)
    out << fmt::format("{} finding{} can be fixed with `runbookc lint --fix`{}\n", safe, safe == 1 ? "" : "s",
                       unsafe > 0 ? fmt::format(" ({} more with --unsafe-fixes)", unsafe) : "");
  else if (unsafe > 0)
    out << fmt::format("{} finding{} can be fixed with `runbookc lint --fix --unsafe-fixes`\n", unsafe,
                       unsafe == 1 ? "" : "s");
}

}  // namespace rbc
