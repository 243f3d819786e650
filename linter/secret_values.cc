#include "linter/secret_values.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/base/ascii.h"
#include "linter/config.h"
#include "compiler/base/pattern.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {


bool all_of_char(std::string_view s, char a, char b = 0) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == a || (b && c == b); });
}

}  // namespace

bool is_stand_in_secret(std::string_view value) {
  while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '"' || value.back() == '\'' || value.back() == ',' || value.back() == ';'))
    value.remove_suffix(1);
  if (value.empty()) return true;
  char first = value.front();
  if (first == '$' || first == '<' || first == '[' || first == '%' || first == '`' || first == '(') return true;
  // A template: "SCRAM-SHA-256$<iteration count>:<salt>$<StoredKey>", "{API KEY}".
  size_t open = value.find('<');
  if (open != std::string_view::npos &&
      (value.find('>', open) != std::string_view::npos || (open + 1 < value.size() && is_ascii_alpha(value[open + 1]))))
    return true;
  // "{API KEY}", and its first word when the shell split it ("{API").
  if (first == '{' && value.size() > 1 && is_ascii_alpha(value[1]) &&
      std::all_of(value.begin() + 1, value.end(), [](char c) {
        return is_ascii_alnum(c) || c == '_' || c == '-' || c == ' ' || c == '.' || c == '}';
      }) &&
      value.find('}') >= value.size() - 1)
    return true;
  if (value.substr(0, 2) == "{{" || value.find("${") != std::string_view::npos ||
      value.find("$(") != std::string_view::npos)
    return true;
  std::string l = ascii_lower(value);
  if (all_of_char(l, '*') || all_of_char(l, 'x') || all_of_char(l, '.') || all_of_char(l, '*', '.') ||
      all_of_char(l, 'x', '.') || l.find("xxxx") != std::string::npos || l.find("***") != std::string::npos ||
      l.find("...") != std::string::npos || l.find("example") != std::string::npos || l.find("redacted") != std::string::npos)
    return true;
  // The word "password" and its spellings in examples.
  static const char* dummies[] = {"password", "passwd", "pwd", "secret", "changeme", "change-me", "change_me",
                                  "token", "apikey", "api_key", "api-key", "key", "value", "foo", "bar", "dummy",
                                  "placeholder", "none", "null", "true", "false", "required", "optional", "string",
                                  "test", "hidden", "masked", "omitted", "replace_me", "replace-me", "replaceme",
                                  "fill_me", "fill-me", "fillme", "fixme", "todo", "tbd"};
  std::string bare = l;
  for (const char* prefix : {"your-", "your_", "your", "my-", "my_", "my", "the-", "new-", "new_", "old-", "old_", "db-", "db_"})
    if (bare.rfind(prefix, 0) == 0 && bare.size() > std::string_view(prefix).size()) {
      bare = bare.substr(std::string_view(prefix).size());
      break;
    }
  for (const char* d : dummies)
    if (bare == d || l == d) return true;
  // A name in capitals saying what goes there: "YOUR_API_TOKEN", "TOKEN_HERE", "REPLACE_WITH_KEY".
  bool capitals = std::all_of(value.begin(), value.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
  if (capitals && value.find('_') != std::string_view::npos)
    for (std::string_view word : {"TOKEN", "KEY", "PASSWORD", "SECRET", "YOUR", "HERE", "REPLACE", "CHANGE", "INSERT"})
      if (value.find(word) != std::string_view::npos) return true;
  // Made of words, one of them saying what it stands for: "a-secret-password", "supersecret".
  bool words_only = std::all_of(l.begin(), l.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; });
  return words_only && (l.find("password") != std::string::npos || l.find("secret") != std::string::npos ||
                        l.find("passwd") != std::string::npos);
}

bool looks_like_real_secret(std::string_view value) {
  while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.remove_suffix(1);
  if (value.size() < 5 || is_stand_in_secret(value)) return false;
  if (value.find(' ') != std::string_view::npos || value.find("://") != std::string_view::npos) return false;
  // Code reading it from somewhere (`ENV["TOKEN"]`, `os.getenv(...)`, `{{ .Values.x }}`).
  if (value.find_first_of("()[]{}") != std::string_view::npos) return false;
  // A resource named after what it holds ("prometheus-k8s-token-nwtrf", "db-password-v2") is a reference.
  std::string l = ascii_lower(value);
  bool name_chars = std::all_of(l.begin(), l.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; });
  if (name_chars && (l.find("token") != std::string::npos || l.find("secret") != std::string::npos ||
                     l.find("password") != std::string::npos || l.find("key") != std::string::npos))
    return false;
  bool alpha = false, digit = false, symbol = false;
  for (char c : value) {
    if (std::isalpha(static_cast<unsigned char>(c))) alpha = true;
    else if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (c != '-' && c != '_' && c != '.' && c != '/') symbol = true;
  }
  // Pure identifiers or paths ("my-release", "vault/prod") are references, not secrets.
  if (alpha && (digit || symbol)) return true;
  return value.size() >= 16 && alpha && std::any_of(value.begin(), value.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
         std::any_of(value.begin(), value.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

namespace {

/// `-----BEGIN ... PRIVATE KEY-----` followed by a line of key material (not `...` or a placeholder).
void find_pem_keys(std::string_view text, std::vector<SecretMatch>& out) {
  for (size_t at = text.find("-----BEGIN "); at != std::string_view::npos; at = text.find("-----BEGIN ", at + 1)) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) break;
    std::string_view header = text.substr(at, nl - at);
    if (header.find("PRIVATE KEY-----") == std::string_view::npos || header.size() > 80) continue;
    size_t b = nl + 1;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
    size_t e = b;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '+' || text[e] == '/' || text[e] == '=')) ++e;
    if (e - b >= 20) out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(nl), "a PEM private key"});
  }
}

}  // namespace

namespace {

/// Which token families the text may hold, found in one pass over its bytes:
/// a find() per prefix costs a memchr call per `g`, `x` or `-` of the text.
struct TokenFamilies {
  bool aws = false, github = false, slack = false, pem = false;
};

TokenFamilies token_families(std::string_view text) {
  TokenFamilies found;
  auto at = [&](size_t i, std::string_view s) { return text.compare(i, s.size(), s) == 0; };
  // Each prefix's first byte is found with memchr (vectorised); a byte loop
  // over every runbook cost more than all the patterns together.
  auto any = [&](char lead, auto matches_at) {
    for (size_t i = text.find(lead); i != std::string_view::npos; i = text.find(lead, i + 1))
      if (matches_at(i)) return true;
    return false;
  };
  found.aws = any('A', [&](size_t i) { return at(i, "AKIA") || at(i, "ASIA"); });
  found.github = any('g', [&](size_t i) {
    return (at(i, "gh") && i + 3 < text.size() && std::string_view("pousr").find(text[i + 2]) != std::string_view::npos &&
            text[i + 3] == '_') ||
           at(i, "github_pat_");
  });
  found.slack = any('x', [&](size_t i) { return at(i, "xox"); });
  found.pem = any('-', [&](size_t i) { return at(i, "-----BEGIN "); });
  return found;
}

}  // namespace

std::vector<SecretMatch> find_tokens(std::string_view text) {
  // A pattern runs only on texts holding its prefix, which almost no runbook
  // does. None of them matches across a line break.
  // Compiled on first use only: the counted repetitions make these costly
  // to compile (10 M instructions), and almost no runbook holds a prefix.
  struct Token {
    const Pattern& (*pattern)();
    const char* what;
    bool TokenFamilies::*family;
  };
  static const Token tokens[] = {
      {[]() -> const Pattern& {
         static const Pattern p(R"(\b(AKIA|ASIA)[0-9A-Z]{16}\b)");
         return p;
       },
       "an AWS access key id", &TokenFamilies::aws},
      {[]() -> const Pattern& {
         static const Pattern p(R"(\bgh[pousr]_[A-Za-z0-9]{36,255}\b)");
         return p;
       },
       "a GitHub token", &TokenFamilies::github},
      {[]() -> const Pattern& {
         static const Pattern p(R"(\bgithub_pat_[A-Za-z0-9_]{40,255}\b)");
         return p;
       },
       "a GitHub fine-grained token", &TokenFamilies::github},
      {[]() -> const Pattern& {
         static const Pattern p(R"(\bxox[baprs]-[A-Za-z0-9]{1,40}-[A-Za-z0-9-]{8,200})");
         return p;
       },
       "a Slack token", &TokenFamilies::slack},
  };
  std::vector<SecretMatch> out;
  TokenFamilies families = token_families(text);
  for (const Token& token : tokens) {
    if (!(families.*token.family)) continue;
    token.pattern().for_each(text, [&](const PatternMatch& m) {
      if (m.whole.find("EXAMPLE") != std::string_view::npos || ascii_lower(m.whole).find("xxxxxxxx") != std::string::npos) return;
      out.push_back({static_cast<uint32_t>(m.position), static_cast<uint32_t>(m.position + m.length()), token.what});
    });
  }
  if (families.pem) find_pem_keys(text, out);
  std::sort(out.begin(), out.end(), [](const SecretMatch& a, const SecretMatch& b) { return a.begin < b.begin; });
  return out;
}

std::vector<SecretMatch> find_url_credentials(std::string_view text) {
  // scheme://user:password@host; the host needs no dot (replica-db:5432).
  // Hand-scanned: URLs are on many lines and a regex here dominated lint time.
  auto scheme_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-'; };
  auto stops_userinfo = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '\'' || c == '"' || c == '`';
  };
  auto host_start = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '<' || c == '$' || c == '-';
  };
  std::vector<SecretMatch> out;
  for (size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 3)) {
    size_t s = at;
    while (s > 0 && scheme_char(text[s - 1])) --s;
    if (s == at || !std::isalpha(static_cast<unsigned char>(text[s]))) continue;
    if (s > 0 && (std::isalnum(static_cast<unsigned char>(text[s - 1])) || text[s - 1] == '_')) continue;
    size_t u = at + 3, colon = std::string_view::npos, e = u;
    while (e < text.size() && !stops_userinfo(text[e]) && text[e] != '@') {
      if (text[e] == ':' && colon == std::string_view::npos) colon = e;
      if (colon == std::string_view::npos && (text[e] == '<' || text[e] == '>')) break;
      ++e;
    }
    if (e >= text.size() || text[e] != '@' || colon == std::string_view::npos || colon + 1 >= e) continue;
    if (e + 1 >= text.size() || !host_start(text[e + 1])) continue;
    std::string password(text.substr(colon + 1, e - colon - 1));
    if (is_stand_in_secret(password)) continue;
    out.push_back({static_cast<uint32_t>(colon + 1), static_cast<uint32_t>(e), std::string(text.substr(s, at - s))});
  }
  return out;
}

bool is_secret_key(const Config& config, std::string_view name) {
  if (!config.is_secret_name(name)) return false;
  std::string u = ascii_upper(name);
  u.erase(std::remove_if(u.begin(), u.end(), [](char c) { return c == '_' || c == '-' || c == '.'; }), u.end());
  for (const char* suffix : {"NAME", "REF", "FILE", "PATH", "ARN", "KEYID", "ID", "DIR", "TYPE", "LENGTH", "TTL",
                             "EXPIRY", "EXPIRES", "KIND", "HEADER", "PREFIX", "ENABLED", "COUNT", "URI", "ENDPOINT",
                             "SELECTOR", "PROVIDER", "MOUNT", "VERSION", "STORE", "LOCATION"})
    if (u.size() > std::string_view(suffix).size() && u.compare(u.size() - std::string_view(suffix).size(), std::string::npos, suffix) == 0)
      return false;
  return true;
}

bool overlaps_placeholder(const Step& step, Span span) {
  return std::any_of(step.facts.placeholders.begin(), step.facts.placeholders.end(),
                     [&](const Placeholder& p) { return p.span.begin < span.end && span.begin < p.span.end; });
}

}  // namespace rbc
