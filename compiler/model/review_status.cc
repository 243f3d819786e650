#include "compiler/model/review_status.h"

namespace rbc {

ReviewStatus review_status(const Metadata& m, int default_period_days, Date today) {
  ReviewStatus s;
  s.last_reviewed = parse_date(m.last_reviewed);
  if (auto next = parse_date(m.next_review)) {
    s.basis = ReviewStatus::Basis::next_review;
    s.due = next;
  } else if (s.last_reviewed) {
    std::optional<int> every = m.review_every.empty() ? std::nullopt : parse_period_days(m.review_every);
    s.basis = every ? ReviewStatus::Basis::review_every : ReviewStatus::Basis::default_period;
    s.period_days = every.value_or(default_period_days);
    s.due = s.last_reviewed->plus_days(s.period_days);
  }
  if (s.due && today.days() > s.due->days()) s.days_overdue = today.days() - s.due->days();
  return s;
}

}  // namespace rbc
