#include "linter/suppression.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "linter/config.h"
#include "linter/directive.h"
#include "linter/rule.h"

namespace rbc {
namespace {

/// One suppression and what it covers: the whole file, a byte range, one
/// code block or one file line.
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

  bool covers(const Diagnostic& d) const {
    if (!codes.empty() && !codes.count(d.code)) return false;
    if (whole_file) return true;
    if (step >= 0) return d.step == step;
    if (line > 0) return d.start.line == line;
    return d.span.begin >= range.begin && d.span.begin < range.end;
  }
};

Suppression make(const Directive& d, Span where) {
  Suppression s;
  s.directive = d;
  s.where = where;
  for (const std::string& written : d.codes) {
    std::string upper = written;
    if (upper.size() == 5 && (upper[0] == 'r' || upper[0] == 'R')) {
      std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    }
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
      for (const Step& step : rb.steps)
        if (step.span.begin >= comment.span.end) {
          s.step = step.index;
          break;
        }
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
        uint32_t file_line = src.position(where.begin).line;
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

const Rule* enabled_rule(const Runbook& rb, std::string_view code) {
  const Rule* rule = find_rule(code);
  return rule && rb.config->enabled(*rule) ? rule : nullptr;
}

void report(const Runbook& rb, const Rule* rule, Span where, std::string message, std::string help,
            std::vector<Diagnostic>& out) {
  Emitter emit(rb, out);
  emit.set_rule(rule);
  emit.report(where, std::move(message), std::move(help));
  out.back().severity = rb.config->severity(*rule);
}

std::string join(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace

void apply_suppressions(const Runbook& rb, std::vector<Diagnostic>& diagnostics) {
  std::vector<Suppression> suppressions;
  from_html_comments(rb, suppressions);
  from_code_comments(rb, suppressions);
  if (suppressions.empty()) return;

  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diagnostics) {
    bool hidden = false;
    for (Suppression& s : suppressions) {
      if (!s.covers(d)) continue;
      hidden = true;
      s.used.insert(d.code);
      s.hid_any = true;
      s.hid_error |= d.severity == Severity::error;
    }
    if (!hidden) kept.push_back(std::move(d));
  }

  std::vector<Diagnostic> meta;
  const Rule* without_reason = enabled_rule(rb, "RB410");
  const Rule* unused = enabled_rule(rb, "RB411");
  for (const Suppression& s : suppressions) {
    if (without_reason && s.hid_error && s.directive.reason.empty())
      report(rb, without_reason, s.where,
             "this suppression hides an error (" + join(s.used) + ") without saying why; the next reader cannot tell "
             "a reviewed exception from a silenced problem",
             "add reason=\"...\" to the comment", meta);
    if (!unused) continue;
    for (const std::string& name : s.unknown)
      report(rb, unused, s.where, "`" + name + "` names no rule, so this suppression hides nothing",
             "use a code or name from `runbookc rules`", meta);
    std::set<std::string> idle;
    for (const std::string& code : s.codes)
      if (code != "?" && !s.used.count(code) && enabled_rule(rb, code)) idle.insert(code);
    if (!idle.empty())
      report(rb, unused, s.where, "this suppression of " + join(idle) + " matched no finding; it would silently hide "
             "a future one", "remove it (or the codes that no longer fire)", meta);
    else if (s.codes.empty() && !s.hid_any)
      report(rb, unused, s.where, "this suppression matched no finding; it would silently hide a future one",
             "remove it", meta);
  }
  // Findings about suppressions can themselves be hidden (e.g. disable-file RB411), without counting as use.
  for (Diagnostic& d : meta)
    if (std::none_of(suppressions.begin(), suppressions.end(), [&](const Suppression& s) {
          return !s.codes.empty() && s.codes.count(d.code) && s.covers(d);
        }))
      kept.push_back(std::move(d));
  diagnostics = std::move(kept);
}

}  // namespace rbc
