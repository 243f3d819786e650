#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// What setting `param` to `value` risks, or empty when the change is routine
/// (timeouts, slowlog, volatile-* eviction of keys that expire anyway).
std::string risk(const std::string& param, const std::string& value) {
  if (param == "maxmemory") return "a lower limit evicts keys or refuses writes immediately";
  if (param == "maxmemory-policy" && starts_with(value, "allkeys-"))
    return "allkeys eviction also deletes keys without a TTL, the ones meant to persist";
  if (param == "save" || (param == "appendonly" && value == "no") || (param == "appendfsync" && value == "no"))
    return "persistence is weakened: data written from now on can be lost on the next crash";
  if (param == "dir" || param == "dbfilename")
    return "the next snapshot is written elsewhere (a classic way to plant files on the host)";
  if (param == "requirepass" || param == "masterauth")
    return "every client or replica using the old password is locked out";
  if (param == "protected-mode" || param == "bind") return "the server may become reachable by anyone on the network";
  return {};
}

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  if (rc.args.size() < 2 || ascii_lower(rc.args[0]) != "set") return;
  std::string param = ascii_lower(rc.args[1]);
  std::string value = rc.args.size() > 2 ? ascii_lower(rc.args[2]) : "";
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
  std::string what = risk(param, value);
  if (what.empty()) return;
  emit.report(rc.span, "CONFIG SET " + rc.args[1] + " changes the live server for every client: " + what,
              "note the current value (CONFIG GET " + rc.args[1] + ") so it can be restored, and make lasting "
              "changes in the managed configuration");
}

const bool registered = register_rule({
    .code = "RB252",
    .name = "redis-config-set",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis CONFIG SET of a setting that can lose data or lock clients out",
    .what = "Reports CONFIG SET of maxmemory, maxmemory-policy to an allkeys-* policy, save, appendonly no, "
            "appendfsync no, dir, dbfilename, requirepass, masterauth, protected-mode and bind. Routine tuning "
            "(timeout, slowlog, volatile-* eviction) and CONFIG GET are not reported.",
    .why = "These settings take effect at once for every client: eviction deletes keys, weaker persistence loses "
           "data on the next crash, a new password locks out every service, and the change silently differs "
           "from the configuration file.",
    .instead = "Read the current value with CONFIG GET first and note how to revert; change the config file for "
               "anything lasting.",
    .bad = {"# Memory\n\n```bash\nredis-cli CONFIG SET maxmemory 2gb\n```\n", 4, 11},
    .good = {"# Memory\n\n```bash\nredis-cli CONFIG GET maxmemory\nredis-cli CONFIG SET timeout 300\n"
             "redis-cli CONFIG SET maxmemory-policy volatile-ttl\n```\n"},
    .on_redis = {.names = {"CONFIG"}, .check = check},
});

}  // namespace
}  // namespace rbc
