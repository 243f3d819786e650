#include "compiler/languages/command_words.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/base/path_name.h"

namespace rbc {
namespace {

struct ValueOptions {
  std::string_view program;
  std::string_view options;  ///< space-separated options that take a separate value
};

// Options whose value is the next word, so that it is not mistaken for a
// subcommand or an operand. Only global options that commonly precede one.
constexpr std::array<ValueOptions, 14> kValueOptions = {{
    {"kubectl", " -n --namespace --context --cluster --kubeconfig -l --selector -o --output -c --container -f "
                "--filename --field-selector --user --token -s --server --as --timeout --grace-period --replicas "},
    {"oc", " -n --namespace --context --cluster --kubeconfig -l --selector -o --output -c --container -f "
           "--filename --field-selector --user --token -s --server --as --timeout --grace-period --replicas "},
    {"aws", " --region --profile --output --endpoint-url --query --cli-read-timeout --cli-connect-timeout --color "
            "--ca-bundle "},
    {"gcloud", " --project --zone --region --format --account --configuration --filter "},
    {"az", " --subscription -g --resource-group -n --name -o --output --query "},
    {"helm", " -n --namespace --kube-context --kubeconfig "},
    {"git", " -C -c --git-dir --work-tree --namespace "},
    {"terraform", ""},
    {"pulumi", " -s --stack -C --cwd "},
    {"gsutil", " -o -h -u "},
    {"redis-cli", " -h -p -a -n -u --user --pass "},
    {"curl", " -X --request -H --header -d --data -u --user -o --output -A -e -b -c -T -F --data-binary "
             "--data-raw --connect-timeout -m --max-time --cacert --cert --key -w "},
    {"npx", ""},
    {"rm", ""},
}};

bool takes_value(std::string_view prog, std::string_view option) {
  for (const auto& e : kValueOptions) {
    if (e.program != prog) continue;
    size_t at = e.options.find(option);
    return at != std::string_view::npos && e.options[at - 1] == ' ' && e.options[at + option.size()] == ' ';
  }
  return false;
}

bool is_option(std::string_view w) { return w.size() > 1 && w[0] == '-'; }

}  // namespace

std::string_view program(const Command& cmd) {
  if (cmd.argv.empty()) return {};
  return last_path_component(cmd.argv[0].text);
}

bool program_is(const Command& cmd, std::initializer_list<std::string_view> names) {
  std::string_view p = program(cmd);
  return std::find(names.begin(), names.end(), p) != names.end();
}

namespace {

/// Index of the first operand at or after `i`, or argv.size(); `options_done`
/// tracks a `--` already passed. Shared by operands() and subcommand(), which
/// usually needs only the first one or two.
size_t next_operand(const Command& cmd, std::string_view prog, size_t i, bool& options_done) {
  for (; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (!options_done && w == "--") {
      options_done = true;
      continue;
    }
    if (!options_done && is_option(w)) {
      if (w.find('=') == std::string_view::npos && takes_value(prog, w)) ++i;
      continue;
    }
    return i;
  }
  return cmd.argv.size();
}

}  // namespace

std::vector<size_t> operands(const Command& cmd) {
  std::vector<size_t> out;
  std::string_view prog = program(cmd);
  bool options_done = false;
  for (size_t i = next_operand(cmd, prog, 1, options_done); i < cmd.argv.size();
       i = next_operand(cmd, prog, i + 1, options_done))
    out.push_back(i);
  return out;
}

size_t subcommand(const Command& cmd, std::initializer_list<std::string_view> words) {
  std::string_view prog = program(cmd);
  bool options_done = false;
  size_t at = 0;
  for (std::string_view w : words) {
    at = next_operand(cmd, prog, at + 1, options_done);
    if (at >= cmd.argv.size() || cmd.argv[at].text != w) return 0;
  }
  return at;
}

size_t find_flag(const Command& cmd, std::string_view shorts, std::initializer_list<std::string_view> longs) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w == "--") return 0;
    if (w.size() > 2 && w[0] == '-' && w[1] == '-') {
      std::string_view name = w.substr(0, w.find('='));
      if (std::find(longs.begin(), longs.end(), name) != longs.end()) return i;
    } else if (w.size() > 1 && w[0] == '-' && !shorts.empty()) {
      // A cluster of letters: -rf, -fr, -Rf. Digits or other characters
      // mean a value (-9, -1), not a cluster.
      bool cluster = std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
      if (!cluster) continue;
      for (char c : w.substr(1))
        if (shorts.find(c) != std::string_view::npos) return i;
    }
  }
  return 0;
}

std::optional<std::string> option_value(const Command& cmd, std::initializer_list<std::string_view> names) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w == "--") return std::nullopt;
    for (std::string_view n : names) {
      if (w == n) return i + 1 < cmd.argv.size() ? std::optional<std::string>(cmd.argv[i + 1].text) : std::string();
      if (w.size() > n.size() && w.starts_with(n) && w[n.size()] == '=') return std::string(w.substr(n.size() + 1));
    }
  }
  return std::nullopt;
}

size_t find_word(const Command& cmd, std::string_view text) {
  for (size_t i = 1; i < cmd.argv.size(); ++i)
    if (cmd.argv[i].text == text) return i;
  return 0;
}

Span words_span(const Command& cmd, size_t first, size_t last) {
  return {cmd.argv[first].span.begin, cmd.argv[std::min(last, cmd.argv.size() - 1)].span.end};
}

std::vector<std::string_view> words_of(std::string_view list, char separator) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < list.size()) {
    size_t end = list.find(separator, at);
    if (end == std::string_view::npos) end = list.size();
    if (end > at) out.push_back(list.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace rbc
