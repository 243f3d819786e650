#pragma once
/// URLs from runbooks, made safe to publish: schemes other than http, https,
/// mailto, tel and ftp (javascript:, vbscript:, data:, ...) are neutralised,
/// and characters HTML does not allow in a URL are percent-encoded.
#include <string>
#include <string_view>

namespace rbc::site {

/// The URL to put in href/src, or "" when it must not be followed.
std::string safe_url(std::string_view url);

/// True for absolute http(s) URLs (loaded from the network).
bool is_remote(std::string_view url);

}  // namespace rbc::site
