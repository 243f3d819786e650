#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool looks_like_search_cluster(std::string_view url) {
  return url.find(":9200") != std::string_view::npos || icontains(url, "elastic") || icontains(url, "opensearch") ||
         icontains(url, "$ES_") || icontains(url, "{ES_");
}

/// The path of a URL without scheme, host and query ("/logs-2024/").
std::string_view url_path(std::string_view url) {
  size_t scheme = url.find("://");
  size_t host = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t slash = url.find('/', host);
  if (slash == std::string_view::npos) return {};
  std::string_view path = url.substr(slash);
  return path.substr(0, path.find('?'));
}

/// Deleting an index (one path segment), all indices, or a wildcard.
bool deletes_indices(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() < 2) return false;
  std::string_view first = path.substr(1, path.find('/', 1) == std::string_view::npos ? std::string_view::npos : path.find('/', 1) - 1);
  if (first == "_all" || first.find('*') != std::string_view::npos) return true;
  return first[0] != '_' && path.find('/', 1) == std::string_view::npos;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::optional<std::string> method = option_value(cmd, {"-X", "--request"});
  bool del = method && ascii_lower(*method) == "delete";
  for (size_t i = 1; i < cmd.argv.size() && !del; ++i) del = cmd.argv[i].text == "-XDELETE";
  if (!del) return;
  for (size_t i : operands(cmd)) {
    const Word& url = cmd.argv[i];
    if (!looks_like_search_cluster(url.text) || !deletes_indices(url_path(url.text))) continue;
    emit.report(url.span,
                "`curl -X DELETE` on this path deletes whole Elasticsearch/OpenSearch indices with all their "
                "documents; with _all or a wildcard, possibly every index",
                "name one exact index (GET it with _cat/indices first), keep a snapshot, and make sure "
                "action.destructive_requires_name is on");
  }
}

const bool registered = register_rule({
    .code = "RB258",
    .name = "elasticsearch-delete-index",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "curl -X DELETE deletes Elasticsearch or OpenSearch indices",
    .what = "Reports `curl -X DELETE` (also `-XDELETE`, `--request DELETE`) to a search cluster URL (port 9200, or "
            "a host naming elastic/opensearch) whose path is a single index name, `_all` or a wildcard. Deleting "
            "a document, a scroll or a snapshot is not reported.",
    .why = "The index and every document in it are removed immediately; a wildcard or _all can empty the cluster.",
    .instead = "List indices with `_cat/indices`, delete one named index, and keep a snapshot.",
    .bad = {"# Disk full\n\n```bash\ncurl -X DELETE 'http://localhost:9200/logs-*'\n```\n", 4, 16},
    .good = {"# Disk full\n\n```bash\ncurl -s 'http://localhost:9200/_cat/indices?v'\n"
             "curl -X DELETE 'http://localhost:9200/_search/scroll/_all'\n```\n"},
    .on_command = {.names = {"curl"}, .check = check},
});

}  // namespace
}  // namespace rbc
