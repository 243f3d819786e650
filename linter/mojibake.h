#pragma once
/// Double-encoded UTF-8 ("mojibake"): UTF-8 bytes once read as MacRoman or
/// Windows-1252/Latin-1 and saved again as UTF-8, so "ô" became "√¥" and
/// "🚨" became "üö®". Found by re-encoding: code points mapped back through
/// the legacy table must form valid multi-byte UTF-8 of a plausible character.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct MojibakeRun {
  uint32_t begin = 0, end = 0;  ///< byte offsets in the text searched
  std::string repaired;         ///< the UTF-8 the run stood for
};

/// Mojibake runs in `text`, in order, not overlapping.
std::vector<MojibakeRun> find_mojibake(std::string_view text);

/// `text` with every run replaced by its repair.
std::string repair_mojibake(std::string_view text);

}  // namespace rbc
