#include "compiler/model/long_running.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace rbc {
namespace {

std::string_view program_of(const Command& c) {
  if (c.argv.empty()) return {};
  std::string_view p = c.argv[0].text;
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

std::string_view word(const Command& c, size_t i) { return i < c.argv.size() ? std::string_view(c.argv[i].text) : std::string_view(); }

/// An option among the arguments: exactly one of `names`, `--long=...`, a
/// short option with its value attached (`-c3`), or inside a cluster (`-it`).
bool has_option(const Command& c, std::initializer_list<std::string_view> names) {
  for (size_t i = 1; i < c.argv.size(); ++i) {
    std::string_view w = c.argv[i].text;
    if (w == "--") break;
    for (std::string_view n : names) {
      if (w == n) return true;
      if (n.starts_with("--") && w.starts_with(n) && w.size() > n.size() && w[n.size()] == '=') return true;
      if (n.size() == 2 && n[0] == '-' && n[1] != '-' && w.size() > 2 && w.starts_with(n)) return true;
      if (n.size() == 2 && n[0] == '-' && n[1] != '-' && w.size() > 2 && w[0] == '-' && w[1] != '-' &&
          w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) == std::string_view::npos &&
          w.find(n[1]) != std::string_view::npos)
        return true;
    }
  }
  return false;
}

/// The first argument that is not an option (the subcommand), from index `from`.
std::string_view subcommand(const Command& c, size_t from = 1) {
  for (size_t i = from; i < c.argv.size(); ++i) {
    std::string_view w = c.argv[i].text;
    if (w.empty() || w[0] == '-') {
      // kubectl's global options that take a value: skip the value too.
      if ((w == "-n" || w == "--namespace" || w == "--context" || w == "-c" || w == "--kubeconfig") && i + 1 < c.argv.size()) ++i;
      continue;
    }
    return w;
  }
  return {};
}

/// Positional arguments after the program (options and their values not told apart: counts only plain numbers).
size_t numbers_among_arguments(const Command& c) {
  size_t n = 0;
  for (size_t i = 1; i < c.argv.size(); ++i) {
    std::string_view w = c.argv[i].text;
    if (!w.empty() && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) ++n;
  }
  return n;
}

}  // namespace

std::string runs_until_interrupted(const Command& c) {
  std::string_view p = program_of(c);
  std::string name(p == "k" ? std::string_view("kubectl") : p);
  if (std::find(c.wrappers.begin(), c.wrappers.end(), "watch") != c.wrappers.end())
    return "`watch` repeats the command until stopped";
  if (p == "tail" && has_option(c, {"-f", "-F", "--follow"})) return "`tail -f` follows the file";
  if (p == "journalctl" && has_option(c, {"-f", "--follow"})) return "`journalctl -f` follows the journal";
  if (p == "kubectl" || p == "oc" || p == "k") {
    std::string_view sub = subcommand(c);
    if (sub == "logs" && has_option(c, {"-f", "--follow"})) return "`" + name + " logs -f` follows the log";
    if ((sub == "get" || sub == "events") && has_option(c, {"-w", "--watch", "--watch-only"}))
      return "`" + name + " " + std::string(sub) + " --watch` watches for changes";
    if (sub == "port-forward") return "`" + name + " port-forward` forwards the port until stopped";
    if (sub == "proxy") return "`" + name + " proxy` serves the API until stopped";
    return {};
  }
  if (p == "docker" || p == "podman") {
    std::string_view sub = subcommand(c);
    if (sub == "logs" && has_option(c, {"-f", "--follow"})) return "`" + name + " logs -f` follows the log";
    if (sub == "events") return "`" + name + " events` streams events until stopped";
    if (sub == "stats" && !has_option(c, {"--no-stream"})) return "`" + name + " stats` streams until stopped";
    if (sub == "compose" && subcommand(c, 2) == "logs" && has_option(c, {"-f", "--follow"}))
      return "`" + name + " compose logs -f` follows the logs";
    return {};
  }
  if (p == "stern") return "`stern` follows the logs";
  if (p == "ping" && !has_option(c, {"-c", "-w"})) return "`ping` without -c pings until stopped";
  if (p == "tcpdump" && !has_option(c, {"-c"})) return "`tcpdump` without -c captures until stopped";
  if ((p == "vmstat" || p == "iostat" || p == "mpstat" || p == "pidstat" || p == "sar") && numbers_among_arguments(c) == 1)
    return "`" + name + "` with an interval and no count reports until stopped";
  if ((p == "top" || p == "htop" || p == "iotop" || p == "iftop" || p == "btop" || p == "k9s") && !has_option(c, {"-b", "-n"}))
    return "`" + name + "` is a full-screen monitor, until quit";
  if (p == "redis-cli") {
    if (has_option(c, {"--stat", "--latency", "--latency-history"})) return "`redis-cli --stat` streams until stopped";
    for (const Word& w : c.argv)
      for (std::string_view streaming : {"MONITOR", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"})
        if (w.text.size() == streaming.size() &&
            std::equal(w.text.begin(), w.text.end(), streaming.begin(), [](char a, char b) { return (a & ~0x20) == b; }))
          return "`redis-cli " + std::string(streaming) + "` streams until stopped";
  }
  if (p == "aws" && word(c, 1) == "logs" && word(c, 2) == "tail" && has_option(c, {"--follow"}))
    return "`aws logs tail --follow` follows the log group";
  if (p == "heroku" && word(c, 1) == "logs" && has_option(c, {"-t", "--tail"})) return "`heroku logs --tail` follows the log";
  return {};
}

bool needs_terminal(const Command& c) {
  std::string_view p = program_of(c);
  for (std::string_view full_screen : {"top", "htop", "iotop", "iftop", "btop", "k9s", "watch", "less", "more", "vi", "vim",
                                       "nvim", "nano", "emacs", "tmux", "screen", "mc"})
    if (p == full_screen) return !(p == "top" && has_option(c, {"-b"}));
  if (std::find(c.wrappers.begin(), c.wrappers.end(), "watch") != c.wrappers.end()) return true;
  // An interactive session: a shell or a database client with nothing to run.
  for (std::string_view shell : {"bash", "sh", "zsh", "ash", "dash", "ksh", "fish", "irb", "pry"})
    if (p == shell && c.argv.size() == 1) return true;
  if (p == "psql" && !has_option(c, {"-c", "--command", "-f", "--file", "-l", "--list"})) return true;
  if ((p == "mysql" || p == "mariadb") && !has_option(c, {"-e", "--execute"})) return true;
  if (p == "redis-cli" && !has_option(c, {"--scan", "--bigkeys", "--memkeys", "--stat", "--latency"})) {
    // Its command is the first word that is not an option or an option's value.
    for (size_t i = 1; i < c.argv.size(); ++i) {
      std::string_view w = c.argv[i].text;
      if (!w.empty() && w[0] == '-') {
        if (w == "-h" || w == "-p" || w == "-a" || w == "-n" || w == "-u" || w == "--user" || w == "--pass") ++i;
        continue;
      }
      return false;
    }
    return true;
  }
  if ((p == "rails" || p == "gitlab-rails") && word(c, 1) == "console") return true;
  if (p == "ssh" && c.argv.size() == 2) return true;  // a login session
  return false;
}

}  // namespace rbc
