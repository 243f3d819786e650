#include "compiler/languages/shell_quoting.h"

#include <algorithm>
#include <numeric>

namespace rbc {
namespace {

/// A here-document's delimiter as bash reads the word after `<<`: quotes and
/// backslashes removed; `quoted` when there were any (then nothing expands).
struct Delimiter {
  std::string word;
  bool quoted = false;
};

Delimiter delimiter_of(std::string_view written) {
  Delimiter d;
  for (size_t i = 0; i < written.size(); ++i) {
    char c = written[i];
    if (c == '\\' && i + 1 < written.size()) {
      d.word += written[++i];
      d.quoted = true;
    } else if (c == '\'') {
      size_t close = std::min(written.find('\'', i + 1), written.size());
      d.word.append(written.substr(i + 1, close - i - 1));
      i = close;
      d.quoted = true;
    } else if (c == '"') {
      for (++i; i < written.size() && written[i] != '"'; ++i) {
        bool escape = written[i] == '\\' && i + 1 < written.size() &&
                      std::string_view("\"\\$`").find(written[i + 1]) != std::string_view::npos;
        d.word += written[escape ? ++i : i];
      }
      d.quoted = true;
    } else {
      d.word += c;
    }
  }
  return d;
}

/// The parts of a heredoc_redirect node; null nodes where tree-sitter has none.
struct Heredoc {
  TSNode start{}, body{}, end{};
  bool strip_tabs = false;  ///< <<-
};

Heredoc heredoc_parts(TSNode redirect) {
  Heredoc h;
  for_each_child(redirect, false, [&](TSNode child) {
    std::string_view type = node_type(child);
    if (type == "<<-") h.strip_tabs = true;
    else if (type == "heredoc_start") h.start = child;
    else if (type == "heredoc_body") h.body = child;
    else if (type == "heredoc_end") h.end = child;
  });
  return h;
}

uint32_t line_start(std::string_view text, uint32_t at) {
  if (at == 0) return 0;
  size_t nl = text.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : static_cast<uint32_t>(nl + 1);
}

uint32_t line_end(std::string_view text, uint32_t at) {
  return static_cast<uint32_t>(std::min(text.find('\n', at), text.size()));
}

/// Whether bash ends a here-document at this line (a CR before the newline ignored).
bool ends_heredoc(std::string_view line, const std::string& delimiter, bool strip_tabs) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (strip_tabs) line.remove_prefix(std::min(line.find_first_not_of('\t'), line.size()));
  return line == delimiter;
}

enum class HeredocEnd { closed, open, misread };

/// Where tree-sitter ends the here-document, checked against bash's rule: at
/// the first line that is the delimiter, or at the end of the text.
HeredocEnd heredoc_end(const Heredoc& h, std::string_view text, const std::string& delimiter) {
  if (ts_node_is_null(h.start)) return HeredocEnd::misread;
  bool open = ts_node_is_null(h.end) || ts_node_start_byte(h.end) == ts_node_end_byte(h.end);
  uint32_t end_line = open ? static_cast<uint32_t>(text.size()) : line_start(text, ts_node_start_byte(h.end));
  uint32_t at = ts_node_is_null(h.body) ? end_line : line_start(text, ts_node_start_byte(h.body));
  for (; at < end_line; at = line_end(text, at) + 1)
    if (ends_heredoc(text.substr(at, line_end(text, at) - at), delimiter, h.strip_tabs)) return HeredocEnd::misread;
  if (open) return ts_node_is_null(h.end) || ts_node_start_byte(h.end) >= text.size() ? HeredocEnd::open : HeredocEnd::misread;
  bool bash_ends_here = ends_heredoc(text.substr(end_line, line_end(text, end_line) - end_line), delimiter, h.strip_tabs);
  return bash_ends_here ? HeredocEnd::closed : HeredocEnd::misread;
}

/// Calls `visit(node)` for every node in document order; descends into a
/// node's children only when `visit` returns true. `leave(node)` follows the
/// node's subtree.
template <typename Visit, typename Leave>
void walk(TSNode root, Visit&& visit, Leave&& leave) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool descend = visit(root);
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      descend = visit(ts_tree_cursor_current_node(&cursor));
      continue;
    }
    bool more = false;
    for (;;) {
      leave(ts_tree_cursor_current_node(&cursor));
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = visit(ts_tree_cursor_current_node(&cursor));
        more = true;
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!more) break;
  }
  ts_tree_cursor_delete(&cursor);
}

/// Checks every here-document against bash's rule; collects the open ones.
bool heredocs_read_as_bash_reads_them(TSNode root, std::string_view text, std::vector<std::string>& open) {
  if (text.find("<<") == std::string_view::npos) return true;
  bool agree = true;
  walk(
      root,
      [&](TSNode node) {
        if (!agree) return false;
        if (node_type(node) != "heredoc_redirect") return true;
        Heredoc h = heredoc_parts(node);
        Delimiter d = ts_node_is_null(h.start) ? Delimiter{} : delimiter_of(node_text(h.start, text));
        HeredocEnd end = heredoc_end(h, text, d.word);
        if (end == HeredocEnd::misread) agree = false;
        if (end == HeredocEnd::open) open.push_back(d.word);
        return true;  // a heredoc can hold $(cat <<EOF ...)
      },
      [](TSNode) {});
  return agree;
}

/// The quoting inside a node of type `type`, given the quoting around it.
ShellQuoting quoting_inside(std::string_view type, ShellQuoting outer, bool in_quoted_heredoc_redirect) {
  // A here-document's body is text as a whole, $(...) in it included: the
  // value is spliced in as it stands (the script accepts plain values only).
  if (outer == ShellQuoting::heredoc || outer == ShellQuoting::quoted_heredoc) return outer;
  if (type == "comment") return ShellQuoting::comment;
  if (type == "raw_string") return ShellQuoting::single_quoted;
  if (type == "ansi_c_string") return ShellQuoting::ansi_c;
  if (type == "string" || type == "translated_string") return ShellQuoting::double_quoted;
  if (type == "heredoc_body") return in_quoted_heredoc_redirect ? ShellQuoting::quoted_heredoc : ShellQuoting::heredoc;
  if (type == "heredoc_start") return ShellQuoting::unknown;  // a placeholder as the delimiter
  // These start a new quoting level, even inside "...".
  if (type == "command_substitution" || type == "process_substitution" || type == "expansion" ||
      type == "arithmetic_expansion")
    return ShellQuoting::unquoted;
  return outer;  // $name, words, concatenations, commands...
}

bool heredoc_is_quoted(TSNode redirect, std::string_view text) {
  TSNode start = heredoc_parts(redirect).start;
  return !ts_node_is_null(start) && delimiter_of(node_text(start, text)).quoted;
}

}  // namespace

QuotingFacts unknown_quoting(size_t placeholders) {
  QuotingFacts out;
  out.placeholders.assign(placeholders, ShellQuoting::unknown);
  return out;
}

QuotingFacts shell_quoting(TSNode root, std::string_view text, const std::vector<Span>& ranges) {
  QuotingFacts out;
  if (ts_node_has_error(root) || !heredocs_read_as_bash_reads_them(root, text, out.open_heredocs))
    return unknown_quoting(ranges.size());
  out.placeholders.assign(ranges.size(), ShellQuoting::unquoted);
  if (ranges.empty()) return out;
  std::vector<size_t> order(ranges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a].begin < ranges[b].begin; });

  // Each node sets the quoting of the placeholders inside it; a deeper node,
  // visited later, overrides. Subtrees without a placeholder are skipped.
  struct Frame {
    ShellQuoting quoting;
    bool quoted_heredoc;  ///< a heredoc_redirect whose delimiter is quoted
  };
  std::vector<Frame> stack;
  size_t first = 0;  // the first placeholder (in `order`) not before the node
  auto visit = [&](TSNode node) {
    std::string_view type = node_type(node);
    Frame outer = stack.empty() ? Frame{ShellQuoting::unquoted, false} : stack.back();
    Frame frame{quoting_inside(type, outer.quoting, outer.quoted_heredoc), false};
    if (type == "heredoc_redirect") frame.quoted_heredoc = heredoc_is_quoted(node, text);
    stack.push_back(frame);
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    while (first < order.size() && ranges[order[first]].begin < begin) ++first;
    bool inside = false;
    for (size_t k = first; k < order.size() && ranges[order[k]].begin < end; ++k)
      if (ranges[order[k]].end <= end) {
        out.placeholders[order[k]] = frame.quoting;
        inside = true;
      }
    return inside;
  };
  walk(root, visit, [&](TSNode) { stack.pop_back(); });
  return out;
}

}  // namespace rbc
