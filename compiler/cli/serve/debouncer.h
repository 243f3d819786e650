#pragma once
/// Turns a burst of file changes into one rebuild: a batch is due once no
/// change came for `quiet` (an editor's write-then-rename is one burst), or
/// `longest` after its first change (a file written without pause still
/// gets rebuilt). Pure: the caller passes the time.
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rbc::serve {

class Debouncer {
 public:
  using Clock = std::chrono::steady_clock;

  Debouncer(std::chrono::milliseconds quiet, std::chrono::milliseconds longest) : quiet_(quiet), longest_(longest) {}

  /// Records that `path` changed at `now`.
  void note(const std::string& path, Clock::time_point now);
  /// How long from `now` until the pending batch is due (zero when it is);
  /// nullopt when nothing is pending.
  std::optional<std::chrono::milliseconds> wait(Clock::time_point now) const;
  /// The batch's paths, sorted, if it is due at `now` (and forgets them);
  /// empty otherwise.
  std::vector<std::string> take_if_due(Clock::time_point now);

 private:
  std::chrono::milliseconds quiet_, longest_;
  std::set<std::string> pending_;
  Clock::time_point first_, last_;
};

}  // namespace rbc::serve
