#pragma once
/// Calendar dates on std::chrono: the one date code every layer uses (review
/// dates in front matter, --today). A Date is always a real day of the
/// calendar: 2024-02-31 is not one and is refused where it is parsed.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rbc {

class Date {
 public:
  /// nullopt unless year-month-day names a real day (from 1970 on).
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  /// Days since 1970-01-01.
  long days() const { return std::chrono::sys_days(ymd_).time_since_epoch().count(); }
  /// YYYY-MM-DD.
  std::string iso() const;
  /// This date moved by `n` days.
  Date plus_days(long n) const;

  friend bool operator==(const Date&, const Date&) = default;

 private:
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  std::chrono::year_month_day ymd_;
};

/// A date written YYYY-MM-DD (or YYYY/MM/DD) at the start of `text`, not
/// followed by another digit ("2026-01-31T10:00" reads as 2026-01-31).
std::optional<Date> parse_date(std::string_view text);
/// Exactly YYYY-MM-DD and nothing else: what a command-line option accepts.
std::optional<Date> parse_iso_date(std::string_view text);
/// Today in the local time zone: the on-call engineer's calendar.
Date today_local();

/// A review period: "90d", "6w", "6m" (30 days each), "1y" (365 days), the
/// units also spelled out ("2 weeks"), or a bare number of days; nullopt
/// when unreadable or not positive.
std::optional<int> parse_period_days(std::string_view text);

}  // namespace rbc
