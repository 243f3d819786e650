#include "compiler/languages/content_sniffer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"

namespace rbc {
namespace {

std::vector<std::string_view> content_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t lead = line.find_first_not_of(" \t\r");
    if (lead == std::string_view::npos) continue;
    lines.push_back(line.substr(lead));
  }
  return lines;
}

double fraction(const std::vector<std::string_view>& lines, const Pattern& re) {
  if (lines.empty()) return 0;
  size_t hits = 0;
  for (auto l : lines)
    if (re.search(l)) ++hits;
  return static_cast<double>(hits) / static_cast<double>(lines.size());
}

}  // namespace

static std::string sniff_lines(std::string_view text, std::string_view tagged_as);

bool looks_like_output_line(std::string_view line) {
  static const Pattern output(
      R"(^\s*(\d|[\[{(|+=*<]|[A-Z][a-z]+ [a-z]|[A-Z][A-Z_]{2,}\s{2,}|[IWEF]\d{4} |\w[-\w.]*:\s*$|\w[-\w.]*\s+:\s)|\s:\s|^\s{2,}\S+(\s+\S+)*\s{3,}\S)");
  return output.search(line);
}

bool looks_like_mysql(std::string_view text) {
  static const Pattern mysql(
      R"(`\w+`|'[\w%.<>-]*'@'|\bSHOW\s+(FUNCTION|PROCEDURE)\s+STATUS|\bDROP\s+USER\s+'|\bON\s+\w+\.\*|\\G\b|\bSHOW\s+(FULL\s+)?PROCESSLIST|\bSHOW\s+(SLAVE|REPLICA|MASTER|BINARY|ENGINE|GLOBAL|SESSION|TABLES|DATABASES|CREATE|GRANTS|INDEX|VARIABLES|STATUS|OPEN)\b|\bENGINE\s*=|\bAUTO_INCREMENT\b|^\s*mysql>|\bKILL\s+(QUERY\s+)?\d+|\bSET\s+GLOBAL\b|\bON\s+DUPLICATE\s+KEY\b|\bINSERT\s+IGNORE\b|\bFLUSH\s+(TABLES|PRIVILEGES|LOGS|HOSTS)\b|^\s*USE\s+\w+\s*;|\bLIMIT\s+\d+\s*,\s*\d+|\bSTRAIGHT_JOIN\b|\bIDENTIFIED\s+BY\b|\bDESCRIBE\s+\w+)",
      Pattern::ignore_case | Pattern::multiline);
  return mysql.search(text);
}

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles)
    if (text.find(n) != std::string_view::npos) return true;
  return false;
}

/// A letter, '-', then a capital: what a Verb-Noun cmdlet needs.
bool has_verb_noun_dash(std::string_view text) {
  for (size_t i = text.find('-'); i != std::string_view::npos && i + 1 < text.size(); i = text.find('-', i + 1))
    if (i > 0 && is_ascii_alpha(text[i - 1]) && text[i + 1] >= 'A' && text[i + 1] <= 'Z') return true;
  return false;
}

/// A line, or a command after ';', begins with one of `words`. Each word is
/// found with find() (memchr), then what precedes it is checked: normalized
/// text is mostly blanks, which a byte loop would walk one by one.
bool a_command_starts_with(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
      size_t before = at;
      while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
      if (before == 0 || text[before - 1] == '\n' || text[before - 1] == ';') return true;
    }
  return false;
}

}  // namespace

std::string sniff_other_shell(std::string_view text) {
  // Each pattern runs only when the text holds a word it needs: most shell
  // blocks hold none, and every block of every runbook comes here.
  // PowerShell: approved verbs (Get-Verb) joined to a noun, where a command
  // starts; `$env:NAME`; `$_.` in a script block.
  static const Pattern powershell(
      R"((^|[|;({=][ \t]*)(Get|Set|New|Remove|Add|Clear|Start|Stop|Restart|Invoke|Write|Out|Select|Where|ForEach|Test|Import|Export|ConvertTo|ConvertFrom|Enable|Disable|Install|Uninstall|Format|Measure|Sort|Resolve|Wait|Register|Unregister|Update|Copy|Move|Rename|Restore|Backup|Suspend|Resume|Connect|Disconnect|Find|Show|Grant|Revoke|Expand|Compress|Send|Receive|Save|Enter|Exit|Read)-[A-Z][A-Za-z]+\b|\$env:[A-Za-z_]\w*|\{[ \t]*\$_\.)",
      Pattern::multiline);
  if ((has_verb_noun_dash(text) || contains_any(text, {"$env:", "$_."})) && powershell.search(text)) return "powershell";
  // zsh: options and the function autoloader, parameter expansion flags,
  // glob qualifiers, zsh's modules and completion system.
  static const Pattern zsh(
      R"((^|[;&|][ \t]*)(setopt|unsetopt|zmodload|compdef|zstyle|bindkey)[ \t]|(^|[;&|][ \t]*)autoload[ \t]+-[A-Za-z]*U|\$\{\([a-zA-Z@:;,.%#=~^ ]+\)[#\w]|[*?][\w.-]*\((\.|/|@|N|[oO][nmLacd]|\^?[.\/@=p%rwxRWX])[^() \t]*\)([ \t]|$))",
      Pattern::multiline);
  if (contains_any(text, {"setopt", "zmodload", "compdef", "zstyle", "bindkey", "autoload", "${(", "*(", "?("}) &&
      zsh.search(text))
    return "zsh";
  // fish: blocks closed by `end` (bash closes with done/fi/esac/}), `set`
  // with fish's scope flags, `(cmd)` command substitution, `and`/`or` commands.
  static const Pattern fish_end(R"((^|;)[ \t]*end[ \t]*(;|$))", Pattern::multiline);
  static const Pattern fish_opener(R"((^|;)[ \t]*(for \w+ in |while |if |function [\w-]+|begin\b|switch ))", Pattern::multiline);
  static const Pattern bash_closer(R"((^|[;&|]|[ \t])(done|fi|esac|then|do)([ \t]|;|$)|\(\)[ \t]*\{?[ \t]*$)", Pattern::multiline);
  // (Not in a block with a heredoc, whose body may be Ruby or Lua, where `end` closes blocks too.)
  bool heredoc = text.find("<<") != std::string_view::npos;
  if (!heredoc && a_command_starts_with(text, {"end"}) && fish_end.search(text) && fish_opener.search(text) && !bash_closer.search(text)) return "fish";
  static const Pattern fish_line(
      R"((^|;)[ \t]*(set[ \t]+(-[a-zA-Z]*[gUlx][a-zA-Z]*[ \t]+)+[A-Za-z_]\w*([ \t]|$)|set[ \t]+-e[ \t]+[A-Za-z_]\w*[ \t]*$|(and|or)[ \t]+[a-z][\w-]*([ \t]+[^( \t]|$)|function[ \t]+[\w-]+[ \t]+--?\w[^;{()]*$)|;[ \t]*(and|or)[ \t]|\bset[ \t]+[A-Za-z_]\w*[ \t]+\([a-z][\w-]*[^()]*\))",
      Pattern::multiline);
  if (a_command_starts_with(text, {"set ", "set\t", "and ", "or ", "function "}) && fish_line.search(text)) return "fish";
  return "";
}

std::string sniff_content(std::string_view text, std::string_view tagged_as) {
  std::string sniffed = sniff_lines(text, tagged_as);
  // A shell command followed by what it printed: the structured text is output.
  if ((sniffed == "yaml" || sniffed == "json") && tagged_as == "shell") {
    std::vector<std::string_view> lines = content_lines(text);
    static const Pattern command(R"(^([\w.-]+[$#] )?(ceph|oc|kubectl|rados|rbd|radosgw-admin|aws|gcloud|curl|cat|docker|helm|etcdctl|systemctl|journalctl|git)\b)");
    if (!lines.empty() && command.search(lines.front())) return "output";
  }
  return sniffed;
}

static std::string sniff_lines(std::string_view text, std::string_view tagged_as) {
  std::vector<std::string_view> lines = content_lines(text);
  if (lines.empty()) return "";
  std::string_view first = lines.front();

  if ((first.front() == '{' || first.front() == '[') && nlohmann::json::accept(text)) return "json";
  if (first.front() == '{' && text.find("\":") != std::string_view::npos) return "json";

  static const Pattern promql(
      R"((\b(on|ignoring|group_left|group_right)\s*\()|(\b(rate|irate|increase|sum|avg|max|min|count|histogram_quantile|absent|topk|bottomk|delta|deriv|predict_linear|label_replace|avg_over_time|max_over_time|min_over_time|sum_over_time|count_over_time|quantile_over_time)\s*(\(|by\s*\(|without\s*\())|(\w\{[^}]*(=~|!~|=|!=)\s*"[^"]*"[^}]*\})|(\[\d+[smhdw]\]))");
  if (fraction(lines, promql) >= 0.3) return "promql";
  static const Pattern metric_expression(R"(^[a-z_:]+[a-z0-9_:]*_[a-z0-9_:]+(\{|\s*[-+*/><=!]\s|\s+(and|or|unless|by|on)\b))");
  if (fraction(lines, metric_expression) >= 0.5) return "promql";

  static const Pattern yaml(R"(^(- )?[A-Za-z_][\w.\-/]*:(\s|$)|^- |^---$)");
  if (tagged_as != "yaml" && fraction(lines, yaml) >= 0.6 && lines.size() >= 2) return "yaml";

  static const Pattern sql(R"(^(SELECT|UPDATE|DELETE|INSERT|CREATE|ALTER|DROP|WITH|BEGIN|COMMIT|GRANT|TRUNCATE|EXPLAIN|VACUUM)\b)",
                              Pattern::ignore_case);
  if (tagged_as != "postgres" && tagged_as != "mysql" && fraction(lines, sql) >= 0.3) return "sql";

  static const Pattern mongo(R"(^(db\.|rs\.|sh\.|use \w+$|show (dbs|collections)))");
  if (fraction(lines, mongo) >= 0.3) return "mongo";

  static const Pattern python(R"(^(def |import |from \S+ import |class \w+[:(]|print\(|if __name__))");
  if (fraction(lines, python) >= 0.2) return "python";

  static const Pattern powershell(R"(^(\$env:|Get-|Set-|New-|Remove-|Invoke-|\$\w+\s*=\s*Get-)|\bWrite-Host\b)");
  if (fraction(lines, powershell) >= 0.3) return "powershell";

  static const Pattern javascript(R"(^(const |let |var |function |import |export |module\.exports|await |\}\);?$))");
  if (fraction(lines, javascript) >= 0.3) return "javascript";

  static const Pattern hcl(R"(^(resource|module|variable|provider|data|output|terraform)\s+("[^"]*"\s*)*\{)");
  if (fraction(lines, hcl) >= 0.2) return "hcl";

  static const Pattern dockerfile(R"(^(FROM|RUN|COPY|ENTRYPOINT|CMD|WORKDIR) )");
  if (fraction(lines, dockerfile) >= 0.5) return "dockerfile";

  if (tagged_as != "shell" && tagged_as != "console") {
    static const Pattern shell(R"(^(\$ |sudo |kubectl |oc |aws |gcloud |psql |redis-cli |curl |docker |helm |git |export |systemctl |cd |echo ))");
    if (fraction(lines, shell) >= 0.3) return "shell";
  }

  static const Pattern redis(R"(^(GET|SET|DEL|KEYS|SCAN|INFO|CONFIG|FLUSHALL|FLUSHDB|HGETALL|TTL|EXPIRE|LLEN|LRANGE|CLIENT|MONITOR|SLOWLOG)\b)");
  if (tagged_as != "redis" && fraction(lines, redis) >= 0.5) return "redis";

  // Command output: tables with upper-case headers, log lines, psql result rows.
  static const Pattern output(
      R"(^(NAME|NAMESPACE|STATUS|CONTAINER|ID|PID|USER|TYPE|KIND)\s{2,}|^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|^[-+]{5,}$|^-{3,}\+|^\(\d+ rows?\)$|^\s*\w[\w ]*\|\s*\w|^[\w.-]+\s{2,}\d+/\d+\s{2,}|^(level|time|ts)=|^\[?(INFO|WARN|WARNING|ERROR|DEBUG)\]?[: ]|^(Error|error|ERROR|Warning|HTTP/\d))");
  if (fraction(lines, output) >= 0.4) return "output";
  return "";
}

}  // namespace rbc
