#include "compiler/model/review_dates.h"

#include <charconv>
#include <chrono>

namespace rbc::site {

std::optional<long> parse_date(std::string_view t) {
  if (t.size() < 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::from_chars(t.data(), t.data() + 4, y).ec != std::errc{} ||
      std::from_chars(t.data() + 5, t.data() + 7, m).ec != std::errc{} ||
      std::from_chars(t.data() + 8, t.data() + 10, d).ec != std::errc{})
    return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::optional<long> parse_period(std::string_view t) {
  if (t.size() < 2) return std::nullopt;
  long n = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size() - 1, n);
  if (ec != std::errc{} || end != t.data() + t.size() - 1 || n <= 0) return std::nullopt;
  switch (t.back()) {
    case 'd': return n;
    case 'w': return n * 7;
    case 'm': return n * 30;
    case 'y': return n * 365;
    default: return std::nullopt;
  }
}

std::optional<long> review_due(const Metadata& m) {
  if (auto next = parse_date(m.next_review)) return next;
  auto last = parse_date(m.last_reviewed);
  auto every = parse_period(m.review_every);
  if (last && every) return *last + *every;
  return std::nullopt;
}

bool review_overdue(const Metadata& m, std::optional<long> today) {
  auto due = review_due(m);
  return due && today && *due < *today;
}

std::string system_today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace rbc::site
