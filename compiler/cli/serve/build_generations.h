#pragma once
/// The number of the site's current build, shared between the rebuild loop
/// (which advances it) and the server's event streams (which wait for it).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace rbc::serve {

class BuildGenerations {
 public:
  /// The current generation; nullopt once stopped.
  std::optional<unsigned long> current() const;
  /// A new build is in place: wakes every waiter.
  void advance();
  /// Waits until the generation is not `seen`, `timeout` passes or stop()
  /// is called; the current generation, or nullopt once stopped.
  std::optional<unsigned long> wait_for_change(unsigned long seen, std::chrono::milliseconds timeout) const;
  /// The server is shutting down: every waiter returns nullopt.
  void stop();

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  unsigned long generation_ = 1;
  bool stopped_ = false;
};

}  // namespace rbc::serve
