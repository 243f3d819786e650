#include "compiler/syntax/markdown.h"
#include "compiler/syntax/alert_names.h"
#include "compiler/syntax/library_versions.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <shared_mutex>

#include "compiler/syntax/fence_info.h"
#include "compiler/syntax/metadata.h"
#include "compiler/syntax/slug.h"

namespace rbc {
namespace {

using NodeType = DocNode::Type;

struct CmarkDocument {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  ~CmarkDocument() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }
};

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

// cmark-gfm switches its extensions' special characters on and off in one
// process-wide table around each document's inline parsing, so parsers
// finishing at once switch them off under each other: a link, a task box or
// a strikethrough then goes unseen, and output differs from run to run.
//
// The characters of autolink (`:`, `w`) and tasklist (space, `x`, `X`) are
// switched on for good here and those extensions' lists emptied, so no parser
// switches them off; a character special to an extension a parser lacks only
// splits its text nodes. Strikethrough's `~` cannot be pinned (its list tells
// cmark who owns a `~` delimiter), so documents holding a `~` finish alone
// (tilde_guard); the others, which never consult it, finish side by side.
void pin_special_characters() {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* pin = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(pin, ext);
  cmark_manage_extensions_special_characters(pin, 1);
  cmark_parser_free(pin);
  for (const char* name : {"autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_syntax_extension_set_special_inline_chars(ext, nullptr);  // the old list stays allocated: once per process
}

std::shared_mutex tilde_guard;

void attach_extensions(cmark_parser* parser, const ParseOptions& options) {
  static std::once_flag once;
  std::call_once(once, pin_special_characters);
  for (const char* name : kExtensions) {
    if (!options.autolink && std::string_view(name) == "autolink") continue;
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  }
}

NodeType type_of(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return NodeType::document;
    case CMARK_NODE_BLOCK_QUOTE: return NodeType::block_quote;
    case CMARK_NODE_LIST: return NodeType::list;
    case CMARK_NODE_ITEM: return NodeType::item;
    case CMARK_NODE_CODE_BLOCK: return NodeType::code_block;
    case CMARK_NODE_HTML_BLOCK: return NodeType::html_block;
    case CMARK_NODE_PARAGRAPH: return NodeType::paragraph;
    case CMARK_NODE_HEADING: return NodeType::heading;
    case CMARK_NODE_THEMATIC_BREAK: return NodeType::thematic_break;
    case CMARK_NODE_TEXT: return NodeType::text;
    case CMARK_NODE_SOFTBREAK: return NodeType::softbreak;
    case CMARK_NODE_LINEBREAK: return NodeType::linebreak;
    case CMARK_NODE_CODE: return NodeType::code;
    case CMARK_NODE_HTML_INLINE: return NodeType::html_inline;
    case CMARK_NODE_EMPH: return NodeType::emph;
    case CMARK_NODE_STRONG: return NodeType::strong;
    case CMARK_NODE_LINK: return NodeType::link;
    case CMARK_NODE_IMAGE: return NodeType::image;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return NodeType::footnote_reference;
    default: break;
  }
  const char* name = cmark_node_get_type_string(node);
  if (!name) return NodeType::other;
  if (!std::strcmp(name, "table")) return NodeType::table;
  if (!std::strcmp(name, "table_row") || !std::strcmp(name, "table_header")) return NodeType::table_row;
  if (!std::strcmp(name, "table_cell")) return NodeType::table_cell;
  if (!std::strcmp(name, "strikethrough")) return NodeType::strikethrough;
  if (!std::strcmp(name, "tasklist")) return NodeType::item;
  return NodeType::other;
}

/// Plain text of a node's inline content (what GitHub slugs a heading from).
/// The text of `node`'s inlines. cmark's iterator, not recursion: headings
/// and link texts can nest emphasis thousands deep.
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER || n == node) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out += cmark_node_get_literal(n); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

uint32_t line_end(const SourceFile& src, uint32_t line) {
  return src.line_start(line) + static_cast<uint32_t>(src.line_text(line).size());
}

/// Maps each byte of a code block's literal back to the file. Literal line i
/// is the tail of file line `first_line + i` (cmark strips the container
/// prefix and indentation); a tab cmark split into spaces maps to the tab.
std::vector<uint32_t> map_body(const SourceFile& src, const std::string& body, uint32_t first_line) {
  std::vector<uint32_t> map(body.size() + 1, 0);
  size_t pos = 0;
  uint32_t line = first_line;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string::npos ? body.size() : nl;
    std::string_view lit(body.data() + pos, end - pos);
    std::string_view file_line = src.line_text(line);
    uint32_t file_line_start = src.line_start(line);
    size_t skip = 0;  // leading literal bytes with no counterpart (expanded tab)
    while (skip < lit.size() && !(file_line.size() >= lit.size() - skip &&
                                  file_line.substr(file_line.size() - (lit.size() - skip)) == lit.substr(skip)))
      ++skip;
    uint32_t tail_start = file_line_start + static_cast<uint32_t>(file_line.size() - (lit.size() - skip));
    for (size_t i = 0; i < lit.size(); ++i)
      map[pos + i] = i < skip ? (tail_start > file_line_start ? tail_start - 1 : tail_start)
                              : tail_start + static_cast<uint32_t>(i - skip);
    if (nl != std::string::npos) map[end] = file_line_start + static_cast<uint32_t>(file_line.size());
    pos = end + 1;
    ++line;
  }
  map[body.size()] = body.empty() ? src.line_start(first_line)
                                  : (body.back() == '\n' ? src.line_start(line) : map[body.size() - 1] + 1);
  return map;
}

/// True when file line `line` closes a fence opened with `length` × `ch`.
bool is_closing_fence(const SourceFile& src, uint32_t line, int length, char ch) {
  std::string_view text = src.line_text(line);
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '>')) ++i;
  int run = 0;
  while (i < text.size() && text[i] == ch) ++i, ++run;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return run >= length && i == text.size();
}

class Builder {
 public:
  Builder(Runbook& rb, bool document, ParseNotes& notes)
      : rb_(rb), src_(*rb.source), document_(document), notes_(notes) {}

  void build(cmark_node* root) {
    rb_.code_line.assign(src_.line_count() + 2, false);
    rb_.document.type = NodeType::document;
    // The path from the root to the node last entered; robust to nodes that
    // get no EXIT event (leaves), whatever the extension. Each cmark node
    // maps to the tree node its children go into, at that node's depth.
    struct Open {
      cmark_node* node;
      DocNode* into;  // null when the tree is not built
      int depth;
    };
    std::vector<Open> path{{root, &rb_.document, 0}};
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev != CMARK_EVENT_ENTER || node == root) continue;
      NodeType type = type_of(node);
      int recorded = record(node, type);
      cmark_node* parent = cmark_node_parent(node);
      while (path.size() > 1 && path.back().node != parent) path.pop_back();
      Open at = path.back();
      if (at.depth >= kMaxNesting && flattened(type) && cmark_node_first_child(node)) {
        if (!notes_.flattened_at) notes_.flattened_at = offset_of(node);
        path.push_back({node, at.into, at.depth});  // its children go where it would have gone
        continue;
      }
      DocNode* added = document_ ? &at.into->children.emplace_back(convert(node, type, recorded)) : nullptr;
      path.push_back({node, added, at.depth + 1});
    }
    cmark_iter_free(iter);
  }

 private:
  /// Containers dropped below kMaxNesting (their content is kept). Paragraphs,
  /// headings and tables stay: they cannot nest in themselves.
  static bool flattened(NodeType type) {
    switch (type) {
      case NodeType::document:
      case NodeType::paragraph:
      case NodeType::heading:
      case NodeType::table:
      case NodeType::table_row:
      case NodeType::table_cell: return false;
      default: return true;
    }
  }

  uint32_t offset_of(cmark_node* node) {
    int line = cmark_node_get_start_line(node), column = cmark_node_get_start_column(node);
    if (line <= 0) return src_.line_start(block_line(node));
    uint32_t start = src_.line_start(static_cast<uint32_t>(line));
    uint32_t end = line_end(src_, static_cast<uint32_t>(line));
    return std::min(end, start + static_cast<uint32_t>(std::max(column, 1) - 1));
  }

  uint32_t block_line(cmark_node* node) {
    for (cmark_node* n = node; n; n = cmark_node_parent(n))
      if (int line = cmark_node_get_start_line(n); line > 0) return static_cast<uint32_t>(line);
    return 1;
  }

  /// What the checks read from a node (sections, steps, links, HTML
  /// comments): recorded whether or not the document tree is built. Returns
  /// the index of the section or step made, else -1.
  int record(cmark_node* node, NodeType type) {
    switch (type) {
      case NodeType::html_inline:
      case NodeType::html_block:
        if (const char* lit = cmark_node_get_literal(node)) record_comment(node, lit);
        return -1;
      case NodeType::link:
        record_link(node, cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
        return -1;
      case NodeType::heading: return add_section(node);
      case NodeType::code_block: return add_step(node);
      case NodeType::code: record_inline_code(node); return -1;
      default: return -1;
    }
  }

  /// The node of the document tree; `recorded` is what record() returned.
  DocNode convert(cmark_node* node, NodeType type, int recorded) {
    DocNode out;
    out.type = type;
    out.line = block_line(node);
    switch (out.type) {
      case NodeType::text:
      case NodeType::code:
      case NodeType::html_inline:
      case NodeType::html_block:
        if (const char* lit = cmark_node_get_literal(node)) out.text = lit;
        break;
      case NodeType::link:
      case NodeType::image:
        if (const char* url = cmark_node_get_url(node)) out.url = url;
        if (const char* title = cmark_node_get_title(node)) out.title = title;
        break;
      case NodeType::list:
        out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        out.start = cmark_node_get_list_start(node);
        break;
      case NodeType::item:
        if (const char* name = cmark_node_get_type_string(node); name && !std::strcmp(name, "tasklist"))
          out.checked = cmark_gfm_extensions_get_tasklist_item_checked(node) ? 1 : 0;
        break;
      case NodeType::table_row: out.header_row = cmark_gfm_extensions_get_table_row_is_header(node) != 0; break;
      case NodeType::heading: out.section = recorded; break;
      case NodeType::code_block: out.step = recorded; break;
      default: break;
    }
    return out;
  }

  int add_section(cmark_node* node) {
    Section s;
    s.level = cmark_node_get_heading_level(node);
    s.title = plain_text(node);
    s.anchor = slugger_.unique(s.title);
    s.line = static_cast<uint32_t>(cmark_node_get_start_line(node));
    uint32_t end_line = static_cast<uint32_t>(cmark_node_get_end_line(node));
    s.span = {src_.line_start(s.line), line_end(src_, std::max(s.line, end_line))};
    while (!open_sections_.empty() && rb_.sections[open_sections_.back()].level >= s.level) open_sections_.pop_back();
    s.parent = open_sections_.empty() ? -1 : open_sections_.back();
    rb_.sections.push_back(std::move(s));
    open_sections_.push_back(static_cast<int>(rb_.sections.size() - 1));
    return static_cast<int>(rb_.sections.size() - 1);
  }

  int add_step(cmark_node* node) {
    Step step;
    step.index = static_cast<int>(rb_.steps.size());
    int fence_length = 0, fence_offset = 0;
    char fence_char = 0;
    step.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
    uint32_t start_line = static_cast<uint32_t>(cmark_node_get_start_line(node));
    uint32_t end_line = static_cast<uint32_t>(cmark_node_get_end_line(node));
    step.line = start_line;
    if (const char* lit = cmark_node_get_literal(node)) step.body = lit;
    if (step.fenced) {
      if (const char* info = cmark_node_get_fence_info(node)) step.info = info;
      FenceInfo parsed = parse_fence_info(step.info);
      step.language = parsed.language;
      step.attributes = std::move(parsed.attributes);
      step.closed = end_line > start_line && is_closing_fence(src_, end_line, fence_length, fence_char);
      step.body_to_file = map_body(src_, step.body, start_line + 1);
    } else {
      step.body_to_file = map_body(src_, step.body, start_line);
    }
    step.span = {src_.line_start(start_line), line_end(src_, std::max(start_line, end_line))};
    step.section = open_sections_.empty() ? -1 : open_sections_.back();
    cmark_node* before = cmark_node_previous(node);
    if (before && cmark_node_get_type(before) == CMARK_NODE_PARAGRAPH) step.lead_in = plain_text(before);
    for (uint32_t l = start_line; l <= end_line && l < rb_.code_line.size(); ++l) rb_.code_line[l] = true;
    rb_.steps.push_back(std::move(step));
    return static_cast<int>(rb_.steps.size() - 1);
  }

  /// A code span with a space in it, outside headings, found in its
  /// paragraph's lines (inline nodes carry no reliable position).
  void record_inline_code(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    if (!literal) return;
    std::string_view code = literal;
    if (code.size() < 3 || code.size() > 300 || code.find(' ') == std::string_view::npos ||
        code.find('\n') != std::string_view::npos)
      return;
    cmark_node* paragraph = cmark_node_parent(node);
    while (paragraph && cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) {
      if (cmark_node_get_type(paragraph) == CMARK_NODE_HEADING) return;
      paragraph = cmark_node_parent(paragraph);
    }
    if (!paragraph) return;
    uint32_t from = std::max(inline_cursor_, src_.line_start(block_line(paragraph)));
    const std::string& text = src_.text();
    size_t at = text.find(code, from);
    if (at == std::string::npos || at > from + 4096) return;
    inline_cursor_ = static_cast<uint32_t>(at + code.size());
    Step step;
    step.index = -1;
    step.language = "bash";
    step.fenced = false;
    step.body = std::string(code) + "\n";
    for (size_t i = 0; i <= code.size(); ++i) step.body_to_file.push_back(static_cast<uint32_t>(at + i));
    step.body_to_file.push_back(static_cast<uint32_t>(at + code.size()));
    step.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + code.size())};
    step.line = src_.position(step.span.begin).line;
    step.section = open_sections_.empty() ? -1 : open_sections_.back();
    step.lead_in = plain_text(paragraph);
    rb_.inline_steps.push_back(std::move(step));
  }

  void record_link(cmark_node* node, const std::string& url) {
    Link link;
    link.url = url;
    link.text = plain_text(node);
    link.line = block_line(node);
    link.section = open_sections_.empty() ? -1 : open_sections_.back();
    // Inline nodes carry no reliable position: find the destination in the block's lines.
    uint32_t from = src_.line_start(link.line);
    const std::string& text = src_.text();
    size_t at = url.empty() ? std::string::npos : text.find(url, from);
    if (at != std::string::npos && at < from + 4096) {
      link.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + url.size())};
      link.line = src_.position(link.span.begin).line;
    } else {
      link.span = {from, line_end(src_, link.line)};
    }
    rb_.links.push_back(std::move(link));
  }

  void record_comment(cmark_node* node, const std::string& html) {
    size_t at = 0;
    uint32_t line = block_line(node);
    while ((at = html.find("<!--", at)) != std::string::npos) {
      size_t end = html.find("-->", at + 4);
      std::string text = html.substr(at, end == std::string::npos ? std::string::npos : end + 3 - at);
      uint32_t from = src_.line_start(line);
      size_t pos = src_.text().find(text, from);
      HtmlComment c;
      c.text = text;
      c.span = pos == std::string::npos ? Span{from, from} : Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + text.size())};
      c.line = src_.position(c.span.begin).line;
      rb_.comments.push_back(std::move(c));
      at += 4;
    }
  }

  Runbook& rb_;
  const SourceFile& src_;
  bool document_;  ///< build rb_.document as well
  ParseNotes& notes_;
  Slugger slugger_;
  std::vector<int> open_sections_;
  uint32_t inline_cursor_ = 0;  ///< code spans are searched for after the previous one
};

}  // namespace

Runbook parse_runbook(std::string path, std::string bytes, const ParseOptions& options, ParseNotes* notes) {
  ParseNotes ignored;
  Runbook rb;
  rb.binary = bytes.find('\0') != std::string::npos;
  rb.source = std::make_shared<SourceFile>(std::move(path), std::move(bytes));
  if (rb.binary) return rb;
  rb.invalid_utf8 = rb.source->repair_utf8();
  const SourceFile& src = *rb.source;

  rb.front_matter = read_front_matter(src, &rb.metadata);
  // cmark must not see the front matter (its '---' would make a setext
  // heading); blank it, keeping every line where it is.
  std::string blanked;
  if (rb.front_matter.present) {
    blanked = src.text();
    for (uint32_t i = rb.front_matter.span.begin; i < rb.front_matter.span.end; ++i)
      if (blanked[i] != '\n' && blanked[i] != '\r') blanked[i] = ' ';
  }
  std::string_view markdown = rb.front_matter.present ? std::string_view(blanked) : std::string_view(src.text());

  CmarkDocument doc;
  doc.parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);
  attach_extensions(doc.parser, options);
  cmark_parser_feed(doc.parser, markdown.data(), markdown.size());
  if (markdown.find('~') != std::string_view::npos) {
    std::unique_lock<std::shared_mutex> alone(tilde_guard);
    doc.root = cmark_parser_finish(doc.parser);
  } else {
    std::shared_lock<std::shared_mutex> together(tilde_guard);
    doc.root = cmark_parser_finish(doc.parser);
  }

  Builder(rb, options.document, notes ? *notes : ignored).build(doc.root);
  metadata_from_body(rb, rb.metadata);
  alerts_from_conventions(rb, options.alert_naming ? *options.alert_naming : default_alert_naming());
  return rb;
}

}  // namespace rbc

namespace rbc {
std::string markdown_library_version() { return cmark_version_string(); }
}  // namespace rbc
