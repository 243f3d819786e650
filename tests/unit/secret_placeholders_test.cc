// Secret stand-ins (issue #10 item 8): a slot an author leaves for the
// reader's own secret is never reported by RB303-RB306, wherever it stands;
// the same place with a real-looking value is, so each place is live.
#include <doctest/doctest.h>

#include <array>
#include <string_view>

#include "test_support.h"

using namespace rbc;
using test::list;
using test::none;
using test::positions;

namespace {

constexpr std::array<std::string_view, 12> kStandIns = {
    "{API KEY}", "<token>", "$TOKEN", "${API_TOKEN}", "YOUR_TOKEN", "xxxx", "****", "...", "changeme",
    "<your-password>", "{{ .Values.password }}", "REPLACE_ME"};

constexpr std::string_view kReal = "Zq8vR2mX7pL4wT9k";

/// Each place a secret is written, as a runbook with `@` where the value goes,
/// and what a real-looking value there gives ("code@line:column ...").
/// Two places have no rule yet: a bearer token in a header, a one-line JSON object.
struct Place {
  std::string_view name, markdown, real_value_findings;
};

constexpr std::array<Place, 14> kPlaces = {{
    {"export", "# T\n\n```bash\nexport API_TOKEN=@\n```\n", "RB304@4:18"},
    {"PGPASSWORD=", "# T\n\n```bash\nPGPASSWORD=@ psql -h db.internal app\n```\n", "RB304@4:12 RB306@4:1"},
    {"--password=", "# T\n\n```bash\nvault-tool --password=@ status\n```\n", "RB306@4:23"},
    {"--token", "# T\n\n```bash\nvault-tool login --token '@'\n```\n", "RB306@4:26"},
    {"-p'...'", "# T\n\n```bash\nmysql -u root -p'@' app\n```\n", "RB306@4:15"},
    {"curl -u", "# T\n\n```bash\ncurl -u 'admin:@' https://api.example.com/health\n```\n", "RB306@4:9"},
    {"bearer header", "# T\n\n```bash\ncurl -H 'Authorization: Bearer @' https://api.example.com/v1/jobs\n```\n", ""},
    {"redis-cli -a", "# T\n\n```bash\nredis-cli -a '@' PING\n```\n", "RB306@4:14"},
    {"URL in a command", "# T\n\n```bash\ncurl 'https://deploy:@@ci.example.com/api'\n```\n", "RB303@4:22"},
    {"URL in prose", "# T\n\nConnect to https://deploy:@@ci.example.com/api first.\n", "RB303@3:27"},
    {"yaml", "# T\n\n```yaml\npassword: \"@\"\n```\n", "RB304@4:11"},
    {"json", "# T\n\n```json\n{\"api_token\": \"@\"}\n```\n", ""},
    {"env block", "# T\n\n```env\nAPI_TOKEN=@\n```\n", "RB304@4:11"},
    {"dotenv block", "# T\n\n```dotenv\nDB_PASSWORD='@'\n```\n", "RB304@4:13"},
}};

std::string with_value(std::string_view markdown, std::string_view value) {
  std::string out(markdown);
  size_t at = out.find('@');
  return out.replace(at, 1, value);
}

std::vector<std::string> secret_findings(const FileResult& r) {
  std::vector<std::string> out;
  for (const char* code : {"RB303", "RB304", "RB305", "RB306"})
    for (const std::string& at : positions(r, code)) out.push_back(std::string(code) + "@" + at);
  return out;
}

}  // namespace

TEST_CASE("a stand-in for a secret is no secret, wherever it is written") {
  for (const Place& place : kPlaces)
    for (std::string_view stand_in : kStandIns) {
      std::string markdown = with_value(place.markdown, stand_in);
      CAPTURE(place.name);
      CAPTURE(stand_in);
      CHECK(secret_findings(test::lint(markdown)) == none);
    }
}

TEST_CASE("the same places with a real-looking value are reported") {
  for (const Place& place : kPlaces) {
    CAPTURE(place.name);
    std::string joined;
    for (const std::string& f : secret_findings(test::lint(with_value(place.markdown, kReal))))
      joined += (joined.empty() ? "" : " ") + f;
    CHECK(joined == place.real_value_findings);
  }
}
