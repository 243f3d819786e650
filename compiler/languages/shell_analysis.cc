#include "compiler/languages/shell_analysis.h"

#include "compiler/languages/command_effects.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <unordered_set>

#include "compiler/base/path_name.h"
#include "compiler/languages/shell_quoting.h"
#include "compiler/languages/tree_sitter_parser.h"

namespace rbc {
namespace {

constexpr int kMaxNesting = 6;
/// The walker recurses over the tree: it stops descending past this many
/// frames (hand-written shell never nests hundreds deep), so hostile input
/// cannot exhaust the stack; what lies deeper is not recorded, and the first
/// place it stopped is reported as a gap.
constexpr int kMaxFrames = 400;

/// One frame of the walker's recursion, counted; `deep` when past kMaxFrames.
struct Frame {
  explicit Frame(int& frames) : frames_(frames), deep(++frames > kMaxFrames) {}
  ~Frame() { --frames_; }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;
  int& frames_;
  const bool deep;
};


/// A word after quote removal, with the body offset of each byte.
struct Decoded {
  MappedText text;
  uint32_t begin = 0, end = 0;
  bool literal = true;
};

bool is_shell_name(std::string_view w) {
  if (w.empty() || std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

/// Variables that builtins set through their arguments (bash(1), SHELL BUILTIN
/// COMMANDS): `let NAME=expr`, `read [opts] NAME...`, `mapfile`/`readarray
/// [opts] NAME`, `printf -v NAME`, `getopts OPTSTRING NAME`.
std::vector<std::string> names_set_by_builtin(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  if (argv.empty()) return out;
  const std::string& cmd = argv[0];
  auto name_before = [](std::string_view w, std::string_view sep) {
    size_t at = w.find(sep);
    return at == std::string_view::npos ? std::string_view() : w.substr(0, at);
  };
  if (cmd == "let") {
    for (size_t i = 1; i < argv.size(); ++i) {
      std::string_view w = argv[i];
      std::string_view name = name_before(w, "=");
      while (!name.empty() && std::string_view("+-*/%<>&|^").find(name.back()) != std::string_view::npos)
        name.remove_suffix(1);  // x+=1, x<<=2
      if (is_shell_name(name)) out.emplace_back(name);
    }
  } else if (cmd == "read" || cmd == "mapfile" || cmd == "readarray") {
    // Options that take a value: read -a -d -i -n -N -p -t -u; mapfile -d -n -O -s -u -C -c.
    std::string_view with_value = cmd == "read" ? kReadValueOptions : kMapfileValueOptions;
    bool names = false;
    for (size_t i = 1; i < argv.size(); ++i) {
      std::string_view w = argv[i];
      if (!names && w == "--") {
        names = true;
      } else if (!names && w.size() > 1 && w[0] == '-') {
        for (size_t k = 1; k < w.size(); ++k)
          if (with_value.find(w[k]) != std::string_view::npos) {
            if (w[k] == 'a' && cmd == "read") {  // -a NAME: the array read into
              std::string_view array = k + 1 < w.size() ? w.substr(k + 1) : (i + 1 < argv.size() ? std::string_view(argv[i + 1]) : "");
              if (is_shell_name(array)) out.emplace_back(array);
            }
            if (k + 1 == w.size()) ++i;  // the value is the next word
            break;
          }
      } else {
        names = true;
        if (is_shell_name(w)) out.emplace_back(w);
      }
    }
    if (out.empty()) out.emplace_back(cmd == "read" ? "REPLY" : "MAPFILE");
  } else if (cmd == "printf") {
    for (size_t i = 1; i + 1 < argv.size() && argv[i].size() > 1 && argv[i][0] == '-'; ++i)
      if (argv[i] == "-v" && is_shell_name(argv[i + 1])) out.push_back(argv[i + 1]);
  } else if (cmd == "getopts" && argv.size() > 2 && is_shell_name(argv[2])) {
    out.push_back(argv[2]);
  }
  return out;
}

class Walker {
 public:
  Walker(ShellFacts& out, int depth) : out_(out), depth_(depth) {}

  void walk_program(TSNode root, const MappedText& src) { walk(root, src, {}); }

  std::set<std::string> assigned;
  std::vector<std::string> read;  ///< in order of first read

  void note_read(const std::string& name) {
    if (read_set_.insert(name).second) read.push_back(name);
  }

 private:
  // ---- decoding words ------------------------------------------------------

  /// Appends src[b, e) to `out`, removing backslash escapes as `quoted` says:
  /// in double quotes only \$ \` \" \\ and \newline are escapes.
  static void append_escaped(const MappedText& src, uint32_t b, uint32_t e, bool in_double_quotes, MappedText& out) {
    for (uint32_t i = b; i < e; ++i) {
      char c = src.text[i];
      if (c == '\\' && i + 1 < e) {
        char n = src.text[i + 1];
        bool escape = !in_double_quotes || n == '$' || n == '`' || n == '"' || n == '\\' || n == '\n';
        if (escape) {
          if (n != '\n') out.append(n, src.body(i + 1));
          ++i;
          continue;
        }
      }
      out.append(c, src.body(i));
    }
  }

  /// An expansion inside text headed for another parser (SQL): replaced by a
  /// same-length identifier, since its value is only known at run time.
  static void append_opaque(const MappedText& src, uint32_t b, uint32_t e, MappedText& out) {
    for (uint32_t i = b; i < e; ++i) out.append(i == b ? 'x' : '_', src.body(i));
  }

  void decode_into(TSNode node, const MappedText& src, Decoded& d, bool for_other_parser) {
    Frame frame(frames_);
    if (frame.deep) return stopped_deep(node, src);
    std::string_view type = node_type(node);
    uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (type == "raw_string") {
      if (e - b >= 2) d.text.append_mapped(src, b + 1, e - 1);
    } else if (type == "string" || type == "translated_string") {
      uint32_t inner_b = b + (type == "translated_string" ? 2 : 1), inner_e = e > inner_b ? e - 1 : inner_b;
      uint32_t at = inner_b;
      for_each_named_child(node, [&](TSNode child) {
        uint32_t cb = ts_node_start_byte(child), ce = ts_node_end_byte(child);
        if (cb > at) append_escaped(src, at, std::min(cb, inner_e), true, d.text);
        std::string_view ct = node_type(child);
        if (ct == "string_content") {
          append_escaped(src, cb, ce, true, d.text);
        } else {
          d.literal = false;
          note_reads(child, src);
          if (for_other_parser) append_opaque(src, cb, ce, d.text);
          else d.text.append_mapped(src, cb, ce);
        }
        at = std::max(at, ce);
      });
      if (at < inner_e) append_escaped(src, at, inner_e, true, d.text);
    } else if (type == "ansi_c_string") {
      if (e - b >= 3) append_escaped(src, b + 2, e - 1, false, d.text);
    } else if (type == "concatenation") {
      uint32_t at = b;
      for_each_child(node, false, [&](TSNode child) {
        uint32_t cb = ts_node_start_byte(child);
        if (cb > at) append_escaped(src, at, cb, false, d.text);
        decode_into(child, src, d, for_other_parser);
        at = ts_node_end_byte(child);
      });
      if (at < e) append_escaped(src, at, e, false, d.text);
    } else if (type == "word" || type == "number" || type == "command_name" || type == "$" ||
               type == "extglob_pattern") {
      if (type == "command_name" && ts_node_named_child_count(node) > 0) {
        decode_into(ts_node_named_child(node, 0), src, d, for_other_parser);
        return;
      }
      append_escaped(src, b, e, false, d.text);
    } else {
      // Expansions, command and process substitutions: run-time values.
      d.literal = false;
      note_reads(node, src);
      if (for_other_parser) append_opaque(src, b, e, d.text);
      else d.text.append_mapped(src, b, e);
    }
  }

  Decoded decode(TSNode node, const MappedText& src, bool for_other_parser = false) {
    Decoded d;
    d.begin = src.body(ts_node_start_byte(node));
    d.end = src.body(ts_node_end_byte(node) > 0 ? ts_node_end_byte(node) - 1 : 0) + 1;
    d.text.to_body.clear();
    decode_into(node, src, d, for_other_parser);
    if (d.text.to_body.empty()) d.text.to_body.push_back(d.begin);
    return d;
  }

  // ---- variables -----------------------------------------------------------

  /// `parent`: the type of node's parent when the caller knows it (ts_node_parent
  /// walks down from the root, past every earlier sibling on the way).
  void note_reads(TSNode node, const MappedText& src, std::string_view parent = {}) {
    Frame frame(frames_);
    if (frame.deep) return stopped_deep(node, src);
    std::string_view type = node_type(node);
    if (type == "variable_name" && (!parent.empty() || !ts_node_is_null(ts_node_parent(node)))) {
      if (parent.empty()) parent = node_type(ts_node_parent(node));
      if (parent == "simple_expansion" || parent == "expansion") {
        std::string name(node_text(node, src.text));
        note_read(name);
      }
      return;
    }
    for_each_named_child(node, [&](TSNode child) { note_reads(child, src, type); });
  }

  // ---- walking -------------------------------------------------------------

  void walk(TSNode node, const MappedText& src, const std::vector<std::string>& wrappers) {
    Frame frame(frames_);
    if (frame.deep) return stopped_deep(node, src);
    std::string_view type = node_type(node);
    if (type == "command") {
      command(node, src, wrappers, nullptr);
      return;
    }
    if (type == "redirected_statement") {
      TSNode body = ts_node_child_by_field_name(node, "body", 4);
      if (!ts_node_is_null(body) && node_type(body) == "command") {
        command(body, src, wrappers, &node);
        for_each_named_child(node, [&](TSNode child) {
          if (!ts_node_eq(child, body)) walk(child, src, wrappers);
        });
        return;
      }
    }
    if (type == "variable_assignment") {
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (!ts_node_is_null(name)) assigned.insert(std::string(node_text(name, src.text)));
    }
    if (type == "for_statement") {
      TSNode var = ts_node_child_by_field_name(node, "variable", 8);
      if (!ts_node_is_null(var)) assigned.insert(std::string(node_text(var, src.text)));
    }
    if (type == "simple_expansion" || type == "expansion") note_reads(node, src);
    if (type == "pipeline") {
      int id = next_pipeline_++;
      int position = 0;
      for_each_named_child(node, [&](TSNode child) {
        size_t before = out_.commands.size();
        walk(child, src, wrappers);
        if (out_.commands.size() > before) {
          // The first command recorded for this element is the one in the pipe.
          out_.commands[before].pipeline = id;
          out_.commands[before].position_in_pipeline = position++;
        }
      });
      return;
    }
    if (type == "negated_command") {
      size_t before = out_.commands.size();
      for_each_named_child(node, [&](TSNode child) { walk(child, src, wrappers); });
      if (out_.commands.size() > before) out_.commands[before].negated = true;
      return;
    }
    for_each_named_child(node, [&](TSNode child) { walk(child, src, wrappers); });
  }

  void command(TSNode node, const MappedText& src, std::vector<std::string> wrappers, const TSNode* redirected) {
    Frame frame(frames_);
    if (frame.deep) return stopped_deep(node, src);
    std::vector<BodyWord> prefix;
    std::vector<Decoded> argv;
    std::vector<TSNode> arg_nodes;
    for_each_named_child(node, [&](TSNode child) {
      std::string_view type = node_type(child);
      if (type == "variable_assignment") {
        note_reads(child, src);
        // A prefix assignment only sets the variable for this command: kept
        // beside argv (secrets such as PGPASSWORD=... live here).
        TSNode name = ts_node_child_by_field_name(child, "name", 4);
        TSNode value = ts_node_child_by_field_name(child, "value", 5);
        BodyWord w{std::string(node_text(name, src.text)) + "=", src.body(ts_node_start_byte(child)),
                   src.body(ts_node_end_byte(child) > 0 ? ts_node_end_byte(child) - 1 : 0) + 1, true};
        if (!ts_node_is_null(value)) {
          Decoded d = decode(value, src);
          w.text += d.text.text;
          w.literal = d.literal;
        }
        prefix.push_back(std::move(w));
        return;
      }
      if (type == "file_redirect" || type == "heredoc_redirect" || type == "herestring_redirect") {
        note_reads(child, src);
        walk_substitutions(child, src, wrappers);
        return;
      }
      if (type == "comment") return;
      argv.push_back(decode(child, src));
      arg_nodes.push_back(child);
      walk_substitutions(child, src, wrappers);
    });
    if (argv.empty()) return;
    {
      std::vector<std::string> words;
      for (const Decoded& d : argv) words.push_back(d.literal ? d.text.text : std::string());
      for (std::string& name : names_set_by_builtin(words)) assigned.insert(std::move(name));
    }
    assignments = std::move(prefix);  // nested commands above are done: no one else sets it before the record
    unwrap_and_record(argv, arg_nodes, src, std::move(wrappers), node, redirected);
  }

  /// Commands inside $(...) and <(...) run too.
  void walk_substitutions(TSNode node, const MappedText& src, const std::vector<std::string>& wrappers) {
    Frame frame(frames_);
    if (frame.deep) return stopped_deep(node, src);
    std::string_view type = node_type(node);
    if (type == "command_substitution" || type == "process_substitution") {
      for_each_named_child(node, [&](TSNode child) { walk(child, src, wrappers); });
      return;
    }
    for_each_named_child(node, [&](TSNode child) { walk_substitutions(child, src, wrappers); });
  }

  /// Parses a string argument (`bash -c '...'`, `ssh host '...'`) as shell.
  void parse_nested(const Decoded& word, const std::vector<std::string>& wrappers) {
    if (word.text.text.empty()) return;
    if (depth_ >= kMaxNesting) {
      add_gap(word.begin, word.end,
              "shell inside strings nests more than " + std::to_string(kMaxNesting) +
                  " levels deep (bash -c '...', ssh host '...'): the commands in this string are not checked");
      return;
    }
    TreePtr tree = parse_with(Grammar::bash, word.text.text);
    if (!tree) {
      add_gap(word.begin, word.end,
              "tree-sitter-bash gave up on this string of shell (its time bound): the commands in it are not checked");
      return;
    }
    Walker inner(out_, depth_ + 1);
    inner.frames_ = frames_;  // the inner walk runs on top of this one's stack
    inner.next_pipeline_ = next_pipeline_ + 1000;
    inner.walk(ts_tree_root_node(tree.get()), word.text, wrappers);
    next_pipeline_ = inner.next_pipeline_ - 1000 + 1;
    for (auto& r : inner.read) note_read(r);
    assigned.insert(inner.assigned.begin(), inner.assigned.end());
  }

  static bool flag_takes_value(std::string_view program, std::string_view flag) {
    struct Entry {
      std::string_view program;
      std::string_view flags;  // space-separated
    };
    static const std::array<Entry, 15> table = {{
        {"sudo", "-u -g -h -p -C -D -r -t -U -T --user --group --host --prompt --chdir"},
        {"env", "-u -C -S --unset --chdir"},
        {"timeout", "-s -k --signal --kill-after"},
        {"xargs", "-n -I -i -P -L -l -d -a -E -e -s --max-args --replace --max-procs --delimiter --arg-file"},
        {"watch", "-n -d --interval --differences -q"},
        {"ssh", "-i -p -l -o -F -J -L -R -D -W -b -c -E -e -m -O -Q -S -w -B"},
        {"nice", "-n --adjustment"},
        {"exec", "-c -n -s -i -f -a -u -w -e --container --namespace --context --kubeconfig --user --workdir --env"},
        {"knife", "-x -a -i -p -P -C -c -G --attribute --ssh-user --ssh-password --identity-file"},
        {"chroot", "--userspec --groups"},
        {"pdsh", "-w -x -l -R -f -t -u -g -X"},
        {"rails", "-e --environment"},
        {"kubectl", "-n -s --namespace --context --cluster --kubeconfig --user --as --server --token"},
        {"ansible", "-i -m -a -u -b -e -f -l --inventory --module-name --args --user --become-user --extra-vars --forks --limit"},
        {"salt", "-t -G -E -L -N -C --timeout --grain --pcre --list --nodegroup --compound"},
    }};
    for (const auto& e : table) {
      if (e.program != program) continue;
      size_t pos = 0;
      while (pos < e.flags.size()) {
        size_t sp = e.flags.find(' ', pos);
        std::string_view f = e.flags.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
        if (f == flag) return true;
        if (sp == std::string_view::npos) break;
        pos = sp + 1;
      }
    }
    return false;
  }

  /// Index of the first operand after options of `program`, starting at `i`.
  static size_t skip_options(const std::vector<Decoded>& argv, size_t i, std::string_view program) {
    while (i < argv.size()) {
      const std::string& w = argv[i].text.text;
      if (w == "--") return i + 1;
      if (w.size() < 2 || w[0] != '-') return i;
      if (w.find('=') == std::string::npos && flag_takes_value(program, w)) ++i;
      ++i;
    }
    return i;
  }

  /// kubectl's (or oc's) subcommand at `i`'s command is `name`, after its
  /// global options (`kubectl -n shop exec ...`).
  static bool subcommand_is(const std::vector<Decoded>& argv, size_t i, std::string_view name) {
    size_t sub = skip_options(argv, i + 1, "kubectl");
    return sub < argv.size() && argv[sub].text.text == name;
  }

  static size_t inner_known_command(const std::vector<Decoded>& argv, size_t from) {
    std::vector<Word> words;
    for (const Decoded& d : argv) words.push_back({d.text.text, {}, d.literal});
    return known_command_at(words, from).value_or(0);
  }

  void unwrap_and_record(std::vector<Decoded> argv, std::vector<TSNode> arg_nodes, const MappedText& src,
                         std::vector<std::string> wrappers, TSNode node, const TSNode* redirected) {
    size_t i = 0;
    for (int guard = 0; guard < 16 && i < argv.size(); ++guard) {
      std::string prog(last_path_component(argv[i].text.text));
      if (!argv[i].literal) break;
      if (prog == "sudo" || prog == "doas") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, "sudo");
      } else if (prog == "env") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, "env");
        while (i < argv.size() && argv[i].text.text.find('=') != std::string::npos &&
               argv[i].text.text[0] != '-')
          ++i;
      } else if (prog == "nohup" || prog == "time" || prog == "command" || prog == "builtin" ||
                 prog == "stdbuf" || prog == "ionice" || prog == "nice") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, prog);
      } else if (prog == "timeout") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, "timeout");
        if (i < argv.size()) ++i;  // the duration
      } else if (prog == "xargs") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, "xargs");
      } else if (prog == "watch") {
        wrappers.push_back(prog);
        i = skip_options(argv, i + 1, "watch");
        if (i + 1 == argv.size() && argv[i].text.text.find(' ') != std::string::npos) {
          parse_nested(argv[i], wrappers);
          return;
        }
      } else if ((prog == "bash" || prog == "sh" || prog == "zsh" || prog == "dash" || prog == "ksh") &&
                 i + 2 < argv.size() + 1) {
        size_t j = i + 1;
        bool dash_c = false;
        while (j < argv.size() && argv[j].text.text.size() > 1 && argv[j].text.text[0] == '-') {
          const std::string& f = argv[j].text.text;
          if (f[1] != '-' && f.find('c') != std::string::npos) dash_c = true;
          ++j;
          if (dash_c) break;
        }
        if (dash_c && j < argv.size()) {
          wrappers.push_back(prog + " -c");
          parse_nested(argv[j], wrappers);
          return;
        }
        break;
      } else if (prog == "ssh") {
        size_t host = skip_options(argv, i + 1, "ssh");
        if (host + 1 >= argv.size()) break;
        wrappers.push_back("ssh");
        if (host + 2 == argv.size()) {
          parse_nested(argv[host + 1], wrappers);
          return;
        }
        i = host + 1;
      } else if ((prog == "kubectl" || prog == "oc") && subcommand_is(argv, i, "exec")) {
        // kubectl [-n NS] exec POD [-c C] -- COMMAND
        size_t j = skip_options(argv, i + 1, "kubectl") + 1;
        while (j < argv.size() && argv[j].text.text != "--") ++j;
        if (j + 1 >= argv.size()) break;
        wrappers.push_back(prog + " exec");
        i = j + 1;
      } else if (prog == "oc" && i + 1 < argv.size() && argv[i + 1].text.text == "rsh") {
        size_t pod = skip_options(argv, i + 2, "exec");
        if (pod + 1 >= argv.size()) break;
        wrappers.push_back("oc rsh");
        i = pod + 1;
      } else if ((prog == "docker" || prog == "podman") && i + 1 < argv.size() && argv[i + 1].text.text == "exec") {
        size_t container = skip_options(argv, i + 2, "exec");
        if (container + 1 >= argv.size()) break;
        wrappers.push_back(prog + " exec");
        i = container + 1;
      } else if ((prog == "docker-compose" || (prog == "docker" && i + 1 < argv.size() &&
                                               argv[i + 1].text.text == "compose")) ) {
        size_t at = prog == "docker" ? i + 2 : i + 1;
        if (at >= argv.size() || argv[at].text.text != "exec") break;
        size_t service = skip_options(argv, at + 1, "exec");
        if (service + 1 >= argv.size()) break;
        wrappers.push_back("docker compose exec");
        i = service + 1;
      } else if (prog == "bundle" && i + 2 < argv.size() && argv[i + 1].text.text == "exec") {
        wrappers.push_back("bundle exec");  // bundle exec [--keep-file-descriptors] COMMAND
        i = skip_options(argv, i + 2, "bundle");
      } else if (prog == "chroot") {  // chroot [OPTION] NEWROOT [COMMAND [ARG]...]
        size_t root = skip_options(argv, i + 1, "chroot");
        if (root + 1 >= argv.size()) break;
        wrappers.push_back("chroot");
        i = root + 1;
      } else if ((prog == "kubectl" || prog == "oc") && subcommand_is(argv, i, "debug")) {
        size_t j = skip_options(argv, i + 1, "kubectl") + 1;  // kubectl debug node/NAME -- COMMAND, oc debug node/NAME -- chroot /host COMMAND
        while (j < argv.size() && argv[j].text.text != "--") ++j;
        if (j + 1 >= argv.size()) break;
        wrappers.push_back(prog + " debug");
        i = j + 1;
      } else if (prog == "pdsh") {  // pdsh -w HOSTS COMMAND...
        size_t command = skip_options(argv, i + 1, "pdsh");
        if (command >= argv.size()) break;
        wrappers.push_back("pdsh");
        if (command + 1 == argv.size() && argv[command].text.text.find(' ') != std::string::npos) {
          parse_nested(argv[command], wrappers);
          return;
        }
        i = command;
      } else if (prog == "ansible") {  // ansible HOSTS -m shell|command|raw -a 'COMMAND'
        size_t module = 0, args = 0;
        for (size_t j = i + 1; j + 1 < argv.size(); ++j) {
          const std::string& w = argv[j].text.text;
          if (w == "-m" || w == "--module-name") module = j + 1;
          if (w == "-a" || w == "--args") args = j + 1;
        }
        if (!module || !args) break;
        const std::string& m = argv[module].text.text;
        if (m != "shell" && m != "command" && m != "raw" && m != "ansible.builtin.shell" &&
            m != "ansible.builtin.command")
          break;
        wrappers.push_back("ansible");
        parse_nested(argv[args], wrappers);
        return;
      } else if (prog == "salt") {  // salt TARGET cmd.run 'COMMAND'
        size_t j = i + 1;
        while (j < argv.size() && argv[j].text.text != "cmd.run") ++j;
        if (j + 1 >= argv.size()) break;
        wrappers.push_back("salt cmd.run");
        parse_nested(argv[j + 1], wrappers);
        return;
      } else if (prog == "knife" && i + 1 < argv.size() && argv[i + 1].text.text == "ssh") {
        size_t query = skip_options(argv, i + 2, "knife");
        size_t cmd = skip_options(argv, query + 1, "knife");
        if (cmd >= argv.size()) break;
        wrappers.push_back("knife ssh");
        parse_nested(argv[cmd], wrappers);
        return;
      } else if (!is_known_program(prog)) {
        // An unknown runner that takes a command after `--` (gds aws ROLE --
        // kubectl ..., aws-vault exec PROFILE -- ..., op run -- ...): the
        // command is seen when it names a program the effect table knows.
        size_t j = i + 1;
        while (j < argv.size() && argv[j].text.text != "--") ++j;
        if (j + 1 < argv.size() && argv[j + 1].literal &&
            is_known_program(last_path_component(argv[j + 1].text.text))) {
          wrappers.push_back(prog + " --");
          i = j + 1;
          continue;
        }
        // Without `--` (gds aws ROLE aws rds delete-db-instance ...): the
        // first later word from which a known program's table entry matches.
        size_t inner = inner_known_command(argv, i + 1);
        if (!inner) break;
        wrappers.push_back(prog);
        i = inner;
      } else {
        break;
      }
    }
    if (i >= argv.size()) return;

    BodyCommand cmd;
    cmd.begin = src.body(ts_node_start_byte(node));
    cmd.end = src.body(ts_node_end_byte(node) > 0 ? ts_node_end_byte(node) - 1 : 0) + 1;
    cmd.wrappers = wrappers;
    cmd.assignments = std::move(assignments);
    for (size_t k = i; k < argv.size(); ++k)
      cmd.argv.push_back({argv[k].text.text, argv[k].begin, argv[k].end, argv[k].literal});
    extract_embedded(argv, arg_nodes, i, src, redirected);
    out_.commands.push_back(std::move(cmd));
  }

  /// SQL of a dialect without a grammar here, given on the command line:
  /// clickhouse-client -q/--query SQL, bq query [flags] SQL, sqlite3 [opts]
  /// DB SQL, influx -execute SQL (InfluxDB 1.x). True when the program is one
  /// of these.
  bool extract_other_dialect(std::string_view prog, const std::vector<Decoded>& argv,
                             const std::vector<TSNode>& arg_nodes, size_t first, const MappedText& src) {
    auto take = [&](size_t k, std::string_view dialect, size_t skip = 0) {
      Decoded d = decode(arg_nodes[k], src, true);
      if (!skip) {
        out_.sql.push_back({d.text, false, dialect});
        return;
      }
      MappedText tail;
      tail.append_mapped(d.text, static_cast<uint32_t>(skip), static_cast<uint32_t>(d.text.text.size()));
      if (tail.to_body.empty()) tail.to_body.push_back(d.end);
      out_.sql.push_back({tail, false, dialect});
    };
    if (prog == "clickhouse-client" || (prog == "clickhouse" && first + 1 < argv.size() &&
                                        argv[first + 1].text.text == "client")) {
      for (size_t k = first + 1; k < argv.size(); ++k) {
        const std::string& w = argv[k].text.text;
        if ((w == "-q" || w == "--query") && k + 1 < argv.size()) take(k + 1, "ClickHouse");
        else if (w.starts_with("--query=")) take(k, "ClickHouse", 8);
      }
      return true;
    }
    if (prog == "bq") {  // bq [global flags] query [flags] 'SQL'
      size_t query = first + 1;
      while (query < argv.size() && argv[query].text.text != "query") ++query;
      if (query + 1 >= argv.size()) return true;
      const std::string& last = argv.back().text.text;
      if (!last.starts_with("-")) take(argv.size() - 1, "BigQuery");
      return true;
    }
    if (prog == "sqlite3") {  // sqlite3 [OPTIONS] FILENAME [SQL]
      std::vector<size_t> operands;
      for (size_t k = first + 1; k < argv.size(); ++k)
        if (!argv[k].text.text.starts_with("-")) operands.push_back(k);
      if (operands.size() >= 2) take(operands[1], "SQLite");
      return true;
    }
    if (prog == "influx") {  // InfluxDB 1.x: influx [-database DB] -execute 'QUERY'
      for (size_t k = first + 1; k < argv.size(); ++k) {
        const std::string& w = argv[k].text.text;
        if ((w == "-execute" || w == "--execute") && k + 1 < argv.size()) take(k + 1, "InfluxQL");
        else if (w.starts_with("-execute=")) take(k, "InfluxQL", 9);
      }
      return true;
    }
    return false;
  }

  /// SQL handed to psql/mysql on the command line or a heredoc; redis-cli heredocs.
  void extract_embedded(const std::vector<Decoded>& argv, const std::vector<TSNode>& arg_nodes, size_t first,
                        const MappedText& src, const TSNode* redirected) {
    std::string prog(last_path_component(argv[first].text.text));
    if ((prog == "rails" || prog == "gitlab-rails") && first + 1 < argv.size() &&
        (argv[first + 1].text.text == "runner" || argv[first + 1].text.text == "r")) {
      // rails runner [-e ENV] CODE_OR_FILE: Ruby, when it is not a file name.
      size_t code = skip_options(argv, first + 2, "rails");
      if (code < argv.size() && !argv[code].text.text.ends_with(".rb"))
        out_.ruby.push_back({decode(arg_nodes[code], src, true).text, false});
      return;
    }
    if (extract_other_dialect(prog, argv, arg_nodes, first, src)) return;
    // `gitlab-rails dbconsole` and `rails dbconsole` start the database's own client.
    bool dbconsole = (prog == "gitlab-rails" || prog == "rails") && first + 1 < argv.size() &&
                     argv[first + 1].text.text == "dbconsole";
    bool psql = prog == "psql" || prog == "gitlab-psql" || prog == "pgcli" || dbconsole;
    bool mysql = prog == "mysql" || prog == "mariadb";
    bool redis = prog == "redis-cli" || prog == "valkey-cli";
    if (!psql && !mysql && !redis) return;
    bool has_command_arg = false;
    for (size_t k = first + 1; k < argv.size(); ++k) {
      const std::string& w = argv[k].text.text;
      std::string_view long_flag = psql ? "--command" : "--execute";
      char short_flag = psql ? 'c' : 'e';
      if (redis) break;
      // -c SQL, -Atc SQL, --command SQL, --command=SQL
      bool takes_next = (w.size() >= 2 && w[0] == '-' && w[1] != '-' && w.back() == short_flag) || w == long_flag;
      if (takes_next && k + 1 < argv.size()) {
        out_.sql.push_back({decode(arg_nodes[k + 1], src, true).text, mysql});
        has_command_arg = true;
        ++k;
      } else if (w.rfind(std::string(long_flag) + "=", 0) == 0) {
        Decoded d = decode(arg_nodes[k], src, true);
        MappedText tail;
        size_t eq = d.text.text.find('=') + 1;
        tail.append_mapped(d.text, static_cast<uint32_t>(eq), static_cast<uint32_t>(d.text.text.size()));
        if (tail.to_body.empty()) tail.to_body.push_back(d.end);
        out_.sql.push_back({tail, mysql});
        has_command_arg = true;
      }
    }
    if (has_command_arg || !redirected) return;
    for_each_named_child(*redirected, [&](TSNode redirect) {
      std::string_view rtype = node_type(redirect);
      if (rtype == "heredoc_redirect") {
        for_each_named_child(redirect, [&](TSNode child) {
          if (node_type(child) != "heredoc_body") return;
          MappedText body;
          uint32_t b = ts_node_start_byte(child), e = ts_node_end_byte(child), at = b;
          for_each_named_child(child, [&](TSNode piece) {
            if (node_type(piece) == "heredoc_content") return;
            uint32_t pb = ts_node_start_byte(piece), pe = ts_node_end_byte(piece);
            if (pb > at) body.append_mapped(src, at, pb);
            append_opaque(src, pb, pe, body);
            at = pe;
          });
          if (at < e) body.append_mapped(src, at, e);
          if (body.to_body.empty()) body.to_body.push_back(src.body(b));
          if (redis) out_.redis.push_back({body, false});
          else out_.sql.push_back({body, mysql});
        });
      } else if (rtype == "herestring_redirect" && !redis && ts_node_named_child_count(redirect) > 0) {
        out_.sql.push_back({decode(ts_node_named_child(redirect, 0), src, true).text, mysql});
      }
    });
  }

  /// The walk stops at `node`: past kMaxFrames frames.
  void stopped_deep(TSNode node, const MappedText& src) {
    uint32_t b = ts_node_start_byte(node);
    add_gap(src.body(b), src.body(b) + 1,
            "the shell here nests too deep to follow (subshells, groups, substitutions, quotes): the commands "
            "inside it are not checked");
  }

  /// Records a gap, once per reason (the first place it happens).
  void add_gap(uint32_t begin, uint32_t end, std::string reason) {
    for (const ShellGap& g : out_.gaps)
      if (g.reason == reason) return;
    out_.gaps.push_back({begin, std::max(end, begin + 1), std::move(reason)});
  }

  std::unordered_set<std::string> read_set_;  ///< what `read` holds, for lookups
  std::vector<BodyWord> assignments;  ///< prefix assignments of the command being read
  ShellFacts& out_;
  int depth_;       ///< nesting of shell inside strings (bash -c '...')
  int frames_ = 0;  ///< recursion frames on the stack, this walker's and its callers'
  int next_pipeline_ = 0;
};

std::string describe_error(TSNode error, const std::string& text) {
  if (ts_node_is_missing(error)) return std::string("missing `") + ts_node_type(error) + "`";
  std::string_view t = node_text(error, text);
  size_t end = 0;
  while (end < t.size() && end < 24 && t[end] != '\n') ++end;
  std::string token(t.substr(0, end));
  while (!token.empty() && token.back() == ' ') token.pop_back();
  if (token.empty()) return "unexpected end of input";
  return "unexpected `" + token + "`";
}

}  // namespace

ShellFacts analyze_shell(const std::string& normalized, const std::vector<Span>& placeholders) {
  ShellFacts facts;
  TreePtr tree = parse_with(Grammar::bash, normalized);
  if (!tree) {
    facts.timed_out = true;
    facts.placeholder_quoting = unknown_quoting(placeholders.size()).placeholders;
    return facts;
  }
  TSNode root = ts_tree_root_node(tree.get());
  QuotingFacts quoting = shell_quoting(root, normalized, placeholders);
  facts.placeholder_quoting = std::move(quoting.placeholders);
  facts.open_heredocs = std::move(quoting.open_heredocs);
  TSNode error = first_error(root);
  if (!ts_node_is_null(error)) {
    facts.error_begin = ts_node_start_byte(error);
    facts.error_end = std::max(ts_node_end_byte(error), *facts.error_begin + 1);
    facts.error_message = describe_error(error, normalized);
  }
  MappedText src = MappedText::identity(normalized);
  Walker walker(facts, 0);
  walker.walk_program(root, src);
  static const std::set<std::string> ambient = {"HOME", "PATH", "PWD", "USER", "SHELL", "OLDPWD", "RANDOM",
                                                "LINENO", "HOSTNAME", "UID", "EUID", "IFS", "TMPDIR",
                                                "BASH_SOURCE", "SECONDS", "OPTARG", "OPTIND", "TERM", "LANG",
                                                "REPLY", "PPID", "BASHPID", "EDITOR", "PAGER", "LOGNAME"};
  facts.variables_set.assign(walker.assigned.begin(), walker.assigned.end());
  for (const auto& name : walker.read)
    if (!walker.assigned.count(name) && !ambient.count(name) && !name.empty() &&
        !std::isdigit(static_cast<unsigned char>(name[0])))
      facts.variables_read.push_back(name);
  return facts;
}

}  // namespace rbc
