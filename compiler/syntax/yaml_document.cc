#include "compiler/syntax/yaml_document.h"
#include "compiler/syntax/library_versions.h"

#include <libfyaml.h>
#include <utf8proc.h>

#include <algorithm>

namespace rbc::yaml {

bool Node::is_null() const {
  if (!node_) return true;
  if (fy_node_get_type(node_) != FYNT_SCALAR || fy_node_get_style(node_) != FYNS_PLAIN) return false;
  size_t len = 0;
  const char* text = fy_node_get_scalar(node_, &len);
  std::string_view s(text ? text : "", text ? len : 0);
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool Node::is_scalar() const { return node_ && fy_node_get_type(node_) == FYNT_SCALAR && !is_null(); }
bool Node::is_sequence() const { return node_ && fy_node_get_type(node_) == FYNT_SEQUENCE; }
bool Node::is_mapping() const { return node_ && fy_node_get_type(node_) == FYNT_MAPPING; }

std::string Node::scalar() const {
  if (!is_scalar()) return {};
  size_t len = 0;
  const char* text = fy_node_get_scalar(node_, &len);
  return text ? std::string(text, len) : std::string();
}

int Node::line(int fallback) const {
  if (!node_) return fallback;
  if (fy_node_get_type(node_) == FYNT_SCALAR) {
    fy_token* token = fy_node_get_scalar_token(node_);
    const fy_mark* mark = token ? fy_token_start_mark(token) : nullptr;
    return mark ? mark->line : fallback;
  }
  // A collection starts where its first scalar does (libfyaml marks only tokens).
  int found = -1;
  if (is_sequence()) {
    void* it = nullptr;
    if (fy_node* first = next_item(&it)) found = Node(first).line(-1);
  } else if (is_mapping()) {
    void* it = nullptr;
    Node key, value;
    if (next_pair(&it, key, value)) found = key.line(-1);
  }
  return found >= 0 ? found : fallback;
}

int Node::column() const {
  if (!node_ || fy_node_get_type(node_) != FYNT_SCALAR) return 0;
  fy_token* token = fy_node_get_scalar_token(node_);
  const fy_mark* mark = token ? fy_token_start_mark(token) : nullptr;
  if (!mark) return 0;
  // The token of a quoted scalar starts after its opening quote.
  fy_node_style style = fy_node_get_style(node_);
  bool quoted = style == FYNS_SINGLE_QUOTED || style == FYNS_DOUBLE_QUOTED;
  return quoted && mark->column > 0 ? mark->column - 1 : mark->column;
}

fy_node* Node::next_item(void** it) const { return is_sequence() ? fy_node_sequence_iterate(node_, it) : nullptr; }

bool Node::next_pair(void** it, Node& key, Node& value) const {
  if (!is_mapping()) return false;
  fy_node_pair* pair = fy_node_mapping_iterate(node_, it);
  if (!pair) return false;
  key = Node(fy_node_pair_key(pair));
  value = Node(fy_node_pair_value(pair));
  return true;
}

std::unique_ptr<Document> Document::parse(std::string_view text, ParseError& error) {
  // YAML is Unicode text; libfyaml can loop forever on some invalid UTF-8
  // (found by fuzz_config), so such text is refused before it gets there.
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
      size_t line_start = text.rfind('\n', i == 0 ? 0 : i - 1);
      int column = static_cast<int>(line_start == std::string_view::npos || i == 0 ? i : i - line_start - 1);
      error = {"not valid UTF-8 (YAML text must be Unicode)", line, column};
      return nullptr;
    }
    i += static_cast<size_t>(n);
  }
  // fy_diag_cfg_default() asks whether stderr is a terminal each time: taken once.
  static const fy_diag_cfg defaults = [] {
    fy_diag_cfg cfg;
    fy_diag_cfg_default(&cfg);
    cfg.fp = nullptr;
    cfg.colorize = false;
    return cfg;
  }();
  fy_diag_cfg diag_cfg = defaults;
  fy_diag* diag = fy_diag_create(&diag_cfg);
  if (!diag) {
    error = {"cannot set up the YAML parser", 0, 0};
    return nullptr;
  }
  fy_diag_set_collect_errors(diag, true);
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS);
  cfg.diag = diag;
  fy_document* doc = fy_document_build_from_string(&cfg, text.data(), text.size());
  if (!doc) {
    void* it = nullptr;
    fy_diag_error* first = fy_diag_errors_iterate(diag, &it);
    // Turning collection off frees the collected errors, and the tokens and
    // input they hold: libfyaml's unref alone leaks them (~1 KiB per bad document).
    if (!first) {  // no document and no error: an empty stream (nothing, or only comments)
      fy_diag_set_collect_errors(diag, false);
      fy_diag_unref(diag);
      return std::unique_ptr<Document>(new Document(nullptr));
    }
    error = {first->msg ? first->msg : "not valid YAML", first->line > 0 ? first->line - 1 : 0,
             first->column > 0 ? first->column - 1 : 0};  // libfyaml counts from 1
    fy_diag_set_collect_errors(diag, false);
    fy_diag_unref(diag);
    return nullptr;
  }
  // A document can be built with errors collected on the way (recovered
  // from): free them the same way; the document keeps its own reference.
  fy_diag_set_collect_errors(diag, false);
  fy_diag_unref(diag);
  return std::unique_ptr<Document>(new Document(doc));
}

Document::~Document() {
  if (doc_) fy_document_destroy(doc_);
}

Node Document::root() const { return doc_ ? Node(fy_document_root(doc_)) : Node(); }

}  // namespace rbc::yaml

namespace rbc {
std::string yaml_library_version() { return fy_library_version(); }
}  // namespace rbc
