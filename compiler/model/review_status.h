#pragma once
/// When a runbook's next review is due and how late it is: the one answer
/// that RB406 (review-overdue), the runbook page's badge, runbooks.json and
/// the site's lists all give.
#include <optional>

#include "compiler/base/date.h"
#include "compiler/syntax/ir.h"

namespace rbc {

struct ReviewStatus {
  /// Where the due date comes from.
  enum class Basis { none, next_review, review_every, default_period };
  Basis basis = Basis::none;
  std::optional<Date> last_reviewed;  ///< `last_reviewed` (or an in-body date), when it is a date
  std::optional<Date> due;            ///< the day the review falls due
  int period_days = 0;                ///< review_every, or the default period (Basis::default_period)
  long days_overdue = 0;              ///< today − due when positive, else 0

  bool overdue() const { return days_overdue > 0; }
};

/// `next_review` when it is a date; else `last_reviewed` plus `review_every`
/// (or `default_period_days` when that is absent or unreadable). Dates that
/// are not real days (2024-02-31) count as absent.
ReviewStatus review_status(const Metadata& metadata, int default_period_days, Date today);

}  // namespace rbc
