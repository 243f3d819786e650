#include <fmt/format.h>

#include "linter/config.h"
#include "linter/rule.h"

namespace rbc {
namespace {

/// Span of `value` on 1-based `line` (the date as written), else the whole line.
Span value_span(const Runbook& rb, uint32_t line, const std::string& value) {
  uint32_t begin = rb.source->line_start(line);
  std::string_view text = rb.source->line_text(line);
  size_t at = text.find(value.substr(0, 10));
  if (at == std::string_view::npos) return {begin, begin + static_cast<uint32_t>(text.size())};
  return {begin + static_cast<uint32_t>(at), begin + static_cast<uint32_t>(at + std::min<size_t>(10, value.size()))};
}

std::string iso(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

void check(const Runbook& rb, Emitter& emit) {
  const Config& config = emit.config();
  const Metadata& md = rb.metadata;
  long today = config.today.days();
  auto line_of = [&](const char* key) {
    auto it = md.lines.find(key);
    return it == md.lines.end() ? 1u : it->second;
  };
  if (auto next = parse_date(md.next_review)) {
    if (today <= next->days()) return;
    emit.report(value_span(rb, line_of("next_review"), md.next_review),
                fmt::format("the next review was due on {}, {} days ago; commands, hosts and contacts may have "
                            "changed since", iso(*next), today - next->days()),
                "review the runbook against today's systems, then move the date forward");
    return;
  }
  auto last = parse_date(md.last_reviewed);
  if (!last) return;
  std::optional<int> period = md.review_every.empty() ? std::nullopt : parse_period_days(md.review_every);
  int days = period.value_or(config.review_period_days);
  long due = last->days() + days;
  if (today <= due) return;
  std::string why = period ? fmt::format("`review_every: {}`", md.review_every)
                           : fmt::format("the default review period of {} days", days);
  emit.report(value_span(rb, line_of("last_reviewed"), md.last_reviewed),
              fmt::format("last reviewed on {}: with {} the review is {} days overdue; commands, hosts and contacts "
                          "may have changed since", iso(*last), why, today - due),
              "review the runbook against today's systems and update the date");
}

const bool registered = register_rule({
    .code = "RB406",
    .name = "review-overdue",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "The runbook's review date has passed",
    .what = "Reads `last_reviewed` + `review_every` (e.g. 90d, 6m, 1y) from front matter, or the in-body "
            "\"Next Review:\" / \"Last Updated:\" dates (with `review_period` from .runbookc.yaml, default 180 "
            "days), and reports when today (`lint --today` to pin it) is past the due date.",
    .why = "Runbooks rot: hosts get renamed, flags change, contacts leave. An unreviewed runbook fails the "
           "on-call engineer at the worst time.",
    .instead = "Review it, fix what changed, and update the date.",
    .bad = {"---\nlast_reviewed: 2001-01-14\nreview_every: 90d\n---\n# Restore\n", 2, 16},
    .good = {"---\nlast_reviewed: 2999-01-14\nreview_every: 90d\n---\n# Restore\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
