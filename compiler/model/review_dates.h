#pragma once
/// Review dates: `last_reviewed: 2026-01-31` plus `review_every: 90d` (d, w,
/// m = 30 days, y = 365 days) against today's date.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/syntax/ir.h"

namespace rbc::site {

/// Days since 1970-01-01 of a YYYY-MM-DD date (anything after it ignored).
std::optional<long> parse_date(std::string_view text);
/// Days in a period such as "90d", "12w", "6m", "1y".
std::optional<long> parse_period(std::string_view text);

/// Due date of the next review, from next_review or last_reviewed + review_every.
std::optional<long> review_due(const Metadata& m);
/// True when the review is due before `today` (days since epoch).
bool review_overdue(const Metadata& m, std::optional<long> today);

/// Today's date as YYYY-MM-DD (UTC) from the system clock.
std::string system_today();

}  // namespace rbc::site
