#include "linter/suppression.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

#include "compiler/base/ascii.h"
#include "linter/config.h"
#include "linter/directive.h"
#include "linter/rule.h"

namespace rbc {
namespace {

/// One suppression and what it covers: the whole file, a byte range, one
/// code block or one file line. It covers a finding whose code it names (any
/// code when it names none) and that lies there, the first of these that is
/// set deciding: whole_file; step (the finding's step); line (its start line);
/// range (its first byte). Places and Coverage below answer that by lookups.
struct Suppression {
  Directive directive;
  Span where;                     ///< the comment, for findings about it
  std::set<std::string> codes;    ///< resolved rule codes; empty = all rules
  std::vector<std::string> unknown;  ///< written codes naming no rule
  bool whole_file = false;
  Span range{0, 0};
  int step = -1;
  uint32_t line = 0;
  std::set<std::string> used;     ///< codes it hid
  bool hid_error = false;
  bool hid_any = false;
};

Suppression make(const Directive& d, Span where) {
  Suppression s;
  s.directive = d;
  s.where = where;
  for (const std::string& written : d.codes) {
    std::string upper = written;
    if (upper.size() == 5 && (upper[0] == 'r' || upper[0] == 'R')) upper = ascii_upper(upper);
    if (const Rule* rule = find_rule(upper)) s.codes.insert(std::string(rule->code));
    else s.unknown.push_back(written);
  }
  if (!d.codes.empty() && s.codes.empty()) s.codes.insert("?");  // only unknown names: hides nothing
  return s;
}

void from_html_comments(const Runbook& rb, std::vector<Suppression>& out) {
  const uint32_t end_of_file = static_cast<uint32_t>(rb.source->text().size()) + 1;
  std::vector<size_t> open;  // indexes of `disable` ranges not closed yet
  for (const HtmlComment& comment : rb.comments) {
    auto d = parse_html_directive(comment.text);
    if (!d || d->kind == "danger") continue;
    if (d->kind == "enable") {
      Suppression closing = make(*d, comment.span);
      for (auto it = open.begin(); it != open.end();) {
        Suppression& s = out[*it];
        bool closes = closing.codes.empty() || s.codes.empty() ||
                      std::any_of(s.codes.begin(), s.codes.end(), [&](const auto& c) { return closing.codes.count(c) > 0; });
        if (closes) {
          s.range.end = comment.span.begin;
          it = open.erase(it);
        } else {
          ++it;
        }
      }
      continue;
    }
    Suppression s = make(*d, comment.span);
    if (d->kind == "disable-file") {
      s.whole_file = true;
    } else if (d->kind == "disable-next-block") {
      // Steps are in document order: the first one starting at or after the comment's end.
      auto next = std::partition_point(rb.steps.begin(), rb.steps.end(),
                                       [&](const Step& step) { return step.span.begin < comment.span.end; });
      if (next != rb.steps.end()) s.step = next->index;
      if (s.step < 0) s.range = {0, 0};  // no block follows: covers nothing
    } else {
      s.range = {comment.span.end, end_of_file};
      open.push_back(out.size());
    }
    out.push_back(std::move(s));
  }
}

void from_code_comments(const Runbook& rb, std::vector<Suppression>& out) {
  const SourceFile& src = *rb.source;
  for (const Step& step : rb.steps) {
    size_t pos = 0;
    const std::string& body = step.body;
    while (pos < body.size()) {
      size_t nl = body.find('\n', pos);
      size_t end = nl == std::string::npos ? body.size() : nl;
      std::string_view line(body.data() + pos, end - pos);
      if (auto d = parse_code_directive(line)) {
        Span where = step.file_span(static_cast<uint32_t>(pos + d->offset), static_cast<uint32_t>(end));
        Suppression s = make(*d, where);
        uint32_t file_line = src.line_at(where.begin);
        bool alone = line.substr(0, d->offset).find_first_not_of(" \t") == std::string_view::npos;
        s.line = file_line;
        if (alone) {  // applies to the next line that holds something
          size_t next = end;
          uint32_t target = file_line;
          while (next < body.size()) {
            size_t b = next + 1, e = body.find('\n', b);
            if (e == std::string::npos) e = body.size();
            ++target;
            if (std::string_view(body.data() + b, e - b).find_first_not_of(" \t\r") != std::string_view::npos) break;
            next = e;
          }
          s.line = target;
        }
        out.push_back(std::move(s));
      }
      pos = end + 1;
    }
  }
}

template <typename T>
bool holds(const std::vector<T>& sorted, T value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

/// Is some value of `sorted` in [begin, end)?
bool any_in(const std::vector<uint32_t>& sorted, uint32_t begin, uint32_t end) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), begin);
  return it != sorted.end() && *it < end;
}

/// The places of the findings of one rule code, sorted, for Suppression::covers as lookups.
struct Places {
  bool any = false;
  std::vector<int> steps;
  std::vector<uint32_t> lines, begins;

  void add(const Diagnostic& d) {
    any = true;
    steps.push_back(d.step);
    lines.push_back(d.start.line);
    begins.push_back(d.span.begin);
  }
  void sort() {
    std::sort(steps.begin(), steps.end());
    std::sort(lines.begin(), lines.end());
    std::sort(begins.begin(), begins.end());
  }
  /// Does `s` cover one of these places (codes aside)?
  bool covered_by(const Suppression& s) const {
    if (!any) return false;
    if (s.whole_file) return true;
    if (s.step >= 0) return holds(steps, s.step);
    if (s.line > 0) return holds(lines, s.line);
    return s.range.begin < s.range.end && any_in(begins, s.range.begin, s.range.end);
  }
};

/// Records on each suppression the codes it hid (`used`, `hid_any`,
/// `hid_error`): for each code it names (every code found, when it names
/// none), one lookup among that code's findings.
void record_use(const std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions) {
  std::map<std::string, std::pair<Places, Places>> by_code;  // all findings, error findings
  for (const Diagnostic& d : diagnostics) {
    auto& [all, errors] = by_code[d.code];
    all.add(d);
    if (d.severity == Severity::error) errors.add(d);
  }
  for (auto& [code, places] : by_code) places.first.sort(), places.second.sort();
  auto note = [](Suppression& s, const std::string& code, const std::pair<Places, Places>& places) {
    if (!places.first.covered_by(s)) return;
    s.used.insert(code);
    s.hid_any = true;
    s.hid_error |= places.second.covered_by(s);
  };
  for (Suppression& s : suppressions) {
    if (s.codes.empty()) {
      for (const auto& [code, places] : by_code) note(s, code, places);
      continue;
    }
    for (const std::string& code : s.codes)
      if (auto it = by_code.find(code); it != by_code.end()) note(s, code, it->second);
  }
}

/// The union of what a set of suppressions covers, per code, so that
/// "does any suppression cover this finding?" is a few lookups.
class Coverage {
 public:
  /// `with_all_codes`: whether suppressions naming no code take part.
  Coverage(const std::vector<Suppression>& suppressions, bool with_all_codes) {
    for (const Suppression& s : suppressions) {
      if (s.codes.empty()) {
        if (with_all_codes) add(all_codes_, s);
        continue;
      }
      for (const std::string& code : s.codes) add(by_code_[code], s);
    }
    finish(all_codes_);
    for (auto& [code, area] : by_code_) finish(area);
  }

  bool covers(const Diagnostic& d) const {
    if (in(all_codes_, d)) return true;
    auto it = by_code_.find(d.code);
    return it != by_code_.end() && in(it->second, d);
  }

 private:
  struct Area {
    bool whole_file = false;
    std::vector<int> steps;
    std::vector<uint32_t> lines;
    std::vector<Span> ranges;  ///< sorted, disjoint after finish()
  };

  static void add(Area& area, const Suppression& s) {
    if (s.whole_file) area.whole_file = true;
    else if (s.step >= 0) area.steps.push_back(s.step);
    else if (s.line > 0) area.lines.push_back(s.line);
    else if (s.range.begin < s.range.end) area.ranges.push_back(s.range);
  }

  static void finish(Area& area) {
    std::sort(area.steps.begin(), area.steps.end());
    std::sort(area.lines.begin(), area.lines.end());
    std::sort(area.ranges.begin(), area.ranges.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::vector<Span> merged;
    for (Span r : area.ranges) {
      if (!merged.empty() && r.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
      else merged.push_back(r);
    }
    area.ranges = std::move(merged);
  }

  static bool in(const Area& area, const Diagnostic& d) {
    if (area.whole_file || holds(area.steps, d.step) || holds(area.lines, d.start.line)) return true;
    // The last range starting at or before the finding.
    auto after = std::upper_bound(area.ranges.begin(), area.ranges.end(), d.span.begin,
                                  [](uint32_t at, Span r) { return at < r.begin; });
    return after != area.ranges.begin() && d.span.begin < std::prev(after)->end;
  }

  Area all_codes_;
  std::map<std::string, Area> by_code_;
};

const Rule* enabled_rule(const Config& config, std::string_view code) {
  const Rule* rule = find_rule(code);
  return rule && config.enabled(*rule) ? rule : nullptr;
}

/// A finding of RB410/RB411 (reported after the severity pass: configured here).
void report(const Emitter& context, const Rule* rule, Span where, std::string message, std::string help,
            std::vector<Diagnostic>& out) {
  Emitter emit = context;
  emit.set_rule(rule);
  emit.report(where, std::move(message), std::move(help));
  out.back().severity = context.config().severity(*rule);
}

std::string join(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace

void apply_suppressions(const Runbook& rb, const Config& config, std::vector<Diagnostic>& diagnostics) {
  std::vector<Suppression> suppressions;
  from_html_comments(rb, suppressions);
  from_code_comments(rb, suppressions);
  if (suppressions.empty()) return;

  record_use(diagnostics, suppressions);
  const Coverage hides(suppressions, true);
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diagnostics)
    if (!hides.covers(d)) kept.push_back(std::move(d));

  std::vector<Diagnostic> meta;
  const Emitter context(rb, config, meta);
  const Rule* without_reason = enabled_rule(config, "RB410");
  const Rule* unused = enabled_rule(config, "RB411");
  for (const Suppression& s : suppressions) {
    if (without_reason && s.hid_error && s.directive.reason.empty())
      report(context, without_reason, s.where,
             "this suppression hides an error (" + join(s.used) + ") without saying why; the next reader cannot tell "
             "a reviewed exception from a silenced problem",
             "add reason=\"...\" to the comment", meta);
    if (!unused) continue;
    for (const std::string& name : s.unknown)
      report(context, unused, s.where, "`" + name + "` names no rule, so this suppression hides nothing",
             "use a code or name from `runbookc rules`", meta);
    std::set<std::string> idle;
    for (const std::string& code : s.codes)
      if (code != "?" && !s.used.count(code) && enabled_rule(config, code)) idle.insert(code);
    if (!idle.empty())
      report(context, unused, s.where, "this suppression of " + join(idle) + " matched no finding; it would silently hide "
             "a future one", "remove it (or the codes that no longer fire)", meta);
    else if (s.codes.empty() && !s.hid_any)
      report(context, unused, s.where, "this suppression matched no finding; it would silently hide a future one",
             "remove it", meta);
  }
  // Findings about suppressions can themselves be hidden (e.g. disable-file RB411), without counting as use.
  const Coverage hides_meta(suppressions, false);
  for (Diagnostic& d : meta)
    if (!hides_meta.covers(d)) kept.push_back(std::move(d));
  diagnostics = std::move(kept);
}

}  // namespace rbc
