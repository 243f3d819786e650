#include "compiler/cli/serve/debouncer.h"

#include <algorithm>

namespace rbc::serve {

void Debouncer::note(const std::string& path, Clock::time_point now) {
  if (pending_.empty()) first_ = now;
  last_ = now;
  pending_.insert(path);
}

std::optional<std::chrono::milliseconds> Debouncer::wait(Clock::time_point now) const {
  if (pending_.empty()) return std::nullopt;
  Clock::time_point due = std::min(last_ + quiet_, first_ + longest_);
  if (due <= now) return std::chrono::milliseconds(0);
  // Rounded up: waking a little late is fine, waking early just loops.
  return std::chrono::ceil<std::chrono::milliseconds>(due - now);
}

std::vector<std::string> Debouncer::take_if_due(Clock::time_point now) {
  std::optional<std::chrono::milliseconds> left = wait(now);
  if (!left || left->count() > 0) return {};
  std::vector<std::string> batch(pending_.begin(), pending_.end());
  pending_.clear();
  return batch;
}

}  // namespace rbc::serve
