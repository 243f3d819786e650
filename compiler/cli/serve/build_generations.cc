#include "compiler/cli/serve/build_generations.h"

namespace rbc::serve {

std::optional<unsigned long> BuildGenerations::current() const {
  std::lock_guard lock(mutex_);
  if (stopped_) return std::nullopt;
  return generation_;
}

void BuildGenerations::advance() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  changed_.notify_all();
}

std::optional<unsigned long> BuildGenerations::wait_for_change(unsigned long seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || generation_ != seen; });
  if (stopped_) return std::nullopt;
  return generation_;
}

void BuildGenerations::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

}  // namespace rbc::serve
