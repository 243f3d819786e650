#include "linter/secret_values.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "linter/config.h"

namespace rbc {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

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
  if (value.substr(0, 2) == "{{" || value.find("${") != std::string_view::npos ||
      value.find("$(") != std::string_view::npos)
    return true;
  std::string l = lower(value);
  if (all_of_char(l, '*') || all_of_char(l, 'x') || all_of_char(l, '.') || all_of_char(l, '*', '.') ||
      all_of_char(l, 'x', '.') || l.find("xxxx") != std::string::npos || l.find("***") != std::string::npos ||
      l.find("...") != std::string::npos || l.find("example") != std::string::npos || l.find("redacted") != std::string::npos)
    return true;
  // The word "password" and its spellings in examples.
  static const char* dummies[] = {"password", "passwd", "pwd", "secret", "changeme", "change-me", "change_me",
                                  "token", "apikey", "api_key", "api-key", "key", "value", "foo", "bar", "dummy",
                                  "placeholder", "none", "null", "true", "false", "required", "optional", "string",
                                  "test", "hidden", "masked", "omitted"};
  std::string bare = l;
  for (const char* prefix : {"your-", "your_", "your", "my-", "my_", "my", "the-", "new-", "new_", "old-", "old_", "db-", "db_"})
    if (bare.rfind(prefix, 0) == 0 && bare.size() > std::string_view(prefix).size()) {
      bare = bare.substr(std::string_view(prefix).size());
      break;
    }
  for (const char* d : dummies)
    if (bare == d || l == d) return true;
  return false;
}

bool looks_like_real_secret(std::string_view value) {
  while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.remove_suffix(1);
  if (value.size() < 5 || is_stand_in_secret(value)) return false;
  if (value.find(' ') != std::string_view::npos || value.find("://") != std::string_view::npos) return false;
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

std::vector<SecretMatch> find_tokens(std::string_view text) {
  struct Pattern {
    std::regex re;
    const char* what;
  };
  static const std::vector<Pattern> patterns = {
      {std::regex(R"(\b(AKIA|ASIA)[0-9A-Z]{16}\b)"), "an AWS access key id"},
      {std::regex(R"(\bgh[pousr]_[A-Za-z0-9]{36,}\b)"), "a GitHub token"},
      {std::regex(R"(\bgithub_pat_[A-Za-z0-9_]{40,}\b)"), "a GitHub fine-grained token"},
      {std::regex(R"(\bxox[baprs]-[A-Za-z0-9]+-[A-Za-z0-9-]{8,})"), "a Slack token"},
      {std::regex(R"(-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----\r?\n[ \t]*[A-Za-z0-9+/=]{20,})"), "a PEM private key"},
  };
  std::vector<SecretMatch> out;
  std::string s(text);
  for (const auto& p : patterns)
    for (std::sregex_iterator it(s.begin(), s.end(), p.re), end; it != end; ++it) {
      std::string m = it->str();
      if (m.find("EXAMPLE") != std::string::npos || lower(m).find("xxxxxxxx") != std::string::npos) continue;
      uint32_t b = static_cast<uint32_t>(it->position());
      uint32_t e = b + static_cast<uint32_t>(m.find('\n') == std::string::npos ? m.size() : m.find('\n'));
      out.push_back({b, e, p.what});
    }
  return out;
}

std::vector<SecretMatch> find_url_credentials(std::string_view text) {
  // scheme://user:password@host — the host needs no dot (replica-db:5432).
  static const std::regex url(R"(\b([a-zA-Z][a-zA-Z0-9+.-]*)://([^\s:/@'"`<>]*):([^\s/@'"`]+)@[A-Za-z0-9_\[\]{}<$-])");
  std::vector<SecretMatch> out;
  std::string s(text);
  for (std::sregex_iterator it(s.begin(), s.end(), url), end; it != end; ++it) {
    std::string password = (*it)[3].str();
    if (is_stand_in_secret(password)) continue;
    uint32_t b = static_cast<uint32_t>(it->position(3));
    out.push_back({b, b + static_cast<uint32_t>(password.size()), (*it)[1].str()});
  }
  return out;
}

bool is_secret_key(const Runbook& runbook, std::string_view name) {
  const Config& config = runbook.config ? *runbook.config : Config::defaults();
  if (!config.is_secret_name(name)) return false;
  std::string u(name);
  std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::toupper(c); });
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
