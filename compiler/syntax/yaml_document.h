#pragma once
/// YAML documents (front matter, .runbookc.yaml) read through libfyaml behind
/// a small read-only view. Null follows YAML 1.2's core schema: a missing
/// value, or a plain `~`, `null`, `Null`, `NULL` or empty scalar.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct fy_document;
struct fy_node;

namespace rbc::yaml {

/// A node of a Document; a null Node stands for a missing value.
class Node {
 public:
  Node() = default;
  explicit Node(fy_node* node) : node_(node) {}

  bool is_null() const;
  bool is_scalar() const;  ///< a scalar that is not null
  bool is_sequence() const;
  bool is_mapping() const;
  /// The scalar's text (quotes and escapes resolved); empty for anything else.
  std::string scalar() const;
  /// 0-based line where the node starts, or `fallback` when it has no scalar to place it.
  int line(int fallback = 0) const;
  /// 0-based column where a scalar starts (its quote, if quoted); 0 for a collection.
  int column() const;

  /// Calls `each(Node)` for every item of a sequence.
  template <typename F>
  void for_each_item(F each) const {
    for (void* it = nullptr; fy_node* item = next_item(&it);) each(Node(item));
  }
  /// Calls `each(key, value)` for every pair of a mapping, in document order.
  template <typename F>
  void for_each_pair(F each) const {
    for (void* it = nullptr;;) {
      Node key, value;
      if (!next_pair(&it, key, value)) break;
      each(key, value);
    }
  }

 private:
  fy_node* next_item(void** it) const;
  bool next_pair(void** it, Node& key, Node& value) const;
  fy_node* node_ = nullptr;
};

/// The first error of a document that does not parse; line and column 0-based.
struct ParseError {
  std::string message;
  int line = 0, column = 0;
};

class Document {
 public:
  /// Parses one YAML document (duplicate keys allowed, the later one read
  /// last); null when it does not parse, with `error` set. An empty text, or
  /// one of comments only, is a document whose root is null.
  static std::unique_ptr<Document> parse(std::string_view text, ParseError& error);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Node root() const;

 private:
  explicit Document(fy_document* doc) : doc_(doc) {}
  fy_document* doc_;  ///< null for an empty stream
};

}  // namespace rbc::yaml
