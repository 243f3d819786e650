#include "compiler/languages/sql_dialect.h"

#include <algorithm>

namespace rbc {

std::optional<Span> statement_at(const std::vector<Span>& ranges, uint32_t offset) {
  auto after = std::upper_bound(ranges.begin(), ranges.end(), offset, [](uint32_t at, const Span& s) { return at < s.begin; });
  if (after == ranges.begin()) return std::nullopt;
  return *(after - 1);
}

}  // namespace rbc
