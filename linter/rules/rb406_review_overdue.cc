#include <fmt/format.h>

#include "compiler/model/review_status.h"
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

void check(const Runbook& rb, Emitter& emit) {
  const Config& config = emit.config();
  const Metadata& md = rb.metadata;
  const ReviewStatus review = review_status(md, config.review_period_days, config.today);
  if (!review.overdue()) return;
  auto line_of = [&](const char* key) {
    auto it = md.lines.find(key);
    return it == md.lines.end() ? 1u : it->second;
  };
  if (review.basis == ReviewStatus::Basis::next_review) {
    emit.report(value_span(rb, line_of("next_review"), md.next_review),
                fmt::format("the next review was due on {}, {} days ago; commands, hosts and contacts may have "
                            "changed since", review.due->iso(), review.days_overdue),
                "review the runbook against today's systems, then move the date forward");
    return;
  }
  std::string why = review.basis == ReviewStatus::Basis::review_every
                        ? fmt::format("`review_every: {}`", md.review_every)
                        : fmt::format("the default review period of {} days", review.period_days);
  emit.report(value_span(rb, line_of("last_reviewed"), md.last_reviewed),
              fmt::format("last reviewed on {}: with {} the review is {} days overdue; commands, hosts and contacts "
                          "may have changed since", review.last_reviewed->iso(), why, review.days_overdue),
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
