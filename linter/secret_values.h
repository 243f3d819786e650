#pragma once
/// What a secret value looks like, shared by the secret rules (RB3xx): which
/// values are stand-ins an author writes in an example, and where known token
/// formats and credentials in URLs occur in a text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

struct Config;

/// A stand-in, not a secret: `$VAR`, `${VAR}`, `$(cmd)`, `<placeholder>`,
/// `{{x}}`, `[x]`, `%s`, masks (`***`, `xxx`, `...`), "password"/"secret"/"changeme"
/// and friends, empty. Short real-looking words such as `pass` are not stand-ins.
bool is_stand_in_secret(std::string_view value);

/// A literal assigned to a secret-named key that looks like a real secret:
/// not a stand-in, and mixing letters with digits or symbols, or 16+ characters.
bool looks_like_real_secret(std::string_view value);

/// A match in a text: [begin, end) and what was found.
struct SecretMatch {
  uint32_t begin = 0, end = 0;
  std::string what;
};

/// Known token formats: AWS access key ids, GitHub and Slack tokens, PEM private keys.
std::vector<SecretMatch> find_tokens(std::string_view text);

/// `scheme://user:password@host` with a real-looking password; the match is the password.
std::vector<SecretMatch> find_url_credentials(std::string_view text);

/// True when a variable or key name names a secret under `config`, and is
/// not a reference to one (`secretName`, `TOKEN_FILE`, `PASSWORD_ARN`).
bool is_secret_key(const Config& config, std::string_view name);

/// True when `span` overlaps a placeholder of `step`.
bool overlaps_placeholder(const Step& step, Span span);

}  // namespace rbc
