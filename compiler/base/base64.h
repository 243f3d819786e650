#pragma once
/// Standard base64 (RFC 4648 section 4, with `=` padding), decoding only: to
/// judge the values Kubernetes Secret manifests carry encoded.
#include <optional>
#include <string>
#include <string_view>

namespace rbc {

/// The bytes `text` encodes; nullopt when it is not padded base64 (length a
/// multiple of 4, the 64-character alphabet, at most two `=` at the end).
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace rbc
