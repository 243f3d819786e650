#include "compiler/base/date.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "compiler/base/ascii.h"

namespace rbc {
namespace chr = std::chrono;

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  chr::year_month_day ymd{chr::year(year), chr::month(month), chr::day(day)};
  if (year < 1970 || year > 9999 || !ymd.ok()) return std::nullopt;
  return Date(ymd);
}

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd_.year()), static_cast<unsigned>(ymd_.month()),
                     static_cast<unsigned>(ymd_.day()));
}

// Saturates at 1970-01-01 and 9999-12-31, the range from_ymd accepts: a
// review period of 100000 years falls due on the last day, never in a
// year std::chrono::year cannot hold.
Date Date::plus_days(long n) const {
  static const long last = chr::sys_days(chr::year_month_day{chr::year(9999), chr::December, chr::day(31)})
                               .time_since_epoch()
                               .count();
  long target = std::clamp(days() + std::clamp(n, -last, last), 0L, last);
  return Date(chr::year_month_day(chr::sys_days(chr::days(target))));
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() < 10 || (text[4] != '-' && text[4] != '/') || text[7] != text[4]) return std::nullopt;
  if (text.size() > 10 && is_ascii_digit(text[10])) return std::nullopt;
  unsigned fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, widths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (size_t i = starts[f]; i < starts[f] + widths[f]; ++i) {
      if (!is_ascii_digit(text[i])) return std::nullopt;
      fields[f] = fields[f] * 10 + static_cast<unsigned>(text[i] - '0');
    }
  return Date::from_ymd(static_cast<int>(fields[0]), fields[1], fields[2]);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-') return std::nullopt;
  return parse_date(text);
}

Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return *Date::from_ymd(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

std::optional<int> parse_period_days(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  size_t i = 0;
  int n = 0;
  while (i < text.size() && is_ascii_digit(text[i]) && n <= 100000) n = n * 10 + (text[i++] - '0');
  if (i == 0 || n <= 0 || n > 100000) return std::nullopt;
  std::string unit = ascii_lower(text.substr(i));
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  if (unit.empty() || unit == "d" || unit == "day" || unit == "days") return n;
  if (unit == "w" || unit == "week" || unit == "weeks") return n * 7;
  if (unit == "m" || unit == "mo" || unit == "month" || unit == "months") return n * 30;
  if (unit == "y" || unit == "year" || unit == "years") return n * 365;
  return std::nullopt;
}

}  // namespace rbc
