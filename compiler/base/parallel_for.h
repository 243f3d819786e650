#pragma once
/// The one thread pool: runs fn(0) .. fn(n - 1) on up to `jobs` threads (0:
/// one per core), the calling thread among them. Indices are handed out in
/// order; which thread runs which index is not fixed, so fn must write only
/// to its own index's slot. The first exception fn throws is rethrown here
/// once every thread has stopped.
#include <cstddef>
#include <functional>

namespace rbc {

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace rbc
