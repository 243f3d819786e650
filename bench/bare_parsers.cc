// The floor runbookc is measured against: cmark-gfm over each file, then
// tree-sitter-bash over each shell block and libpg_query over each SQL
// block, with nothing else. Optionally writes the shell blocks to a folder
// so ShellCheck can be timed over exactly the same code.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <pg_query.h>
#include <tree_sitter/api.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" const TSLanguage* tree_sitter_bash();

int main(int argc, char** argv) {
  std::string dump_dir;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--dump-shell") && i + 1 < argc) dump_dir = argv[++i];
    else files.push_back(argv[i]);
  }
  cmark_gfm_core_extensions_ensure_registered();
  TSParser* bash = ts_parser_new();
  ts_parser_set_language(bash, tree_sitter_bash());
  size_t bytes = 0, shell_blocks = 0, sql_blocks = 0, shell_errors = 0, sql_errors = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    bytes += text.size();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) continue;
      std::string info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
      std::string lang = info.substr(0, info.find_first_of(" {"));
      const char* body = cmark_node_get_literal(node);
      if (lang == "bash" || lang == "sh" || lang == "shell" || lang == "zsh" || lang == "console") {
        TSTree* tree = ts_parser_parse_string(bash, nullptr, body, static_cast<uint32_t>(std::strlen(body)));
        shell_errors += ts_node_has_error(ts_tree_root_node(tree));
        ts_tree_delete(tree);
        if (!dump_dir.empty() && lang != "console") {
          std::ofstream out(dump_dir + "/block" + std::to_string(shell_blocks) + ".sh");
          out << "#!/usr/bin/env bash\n" << body;
        }
        ++shell_blocks;
      } else if (lang == "sql" || lang == "psql" || lang == "postgres" || lang == "postgresql" || lang == "pgsql") {
        PgQueryParseResult r = pg_query_parse(body);
        sql_errors += r.error != nullptr;
        pg_query_free_parse_result(r);
        ++sql_blocks;
      }
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("bare parsers: %zu files, %.2f MB, %zu shell blocks, %zu sql blocks in %.3f s (one core)\n",
              files.size(), static_cast<double>(bytes) / 1e6, shell_blocks, sql_blocks, seconds);
  std::printf("naive syntax pass: tree-sitter flags %zu of %zu shell blocks, libpg_query %zu of %zu sql blocks\n",
              shell_errors, shell_blocks, sql_errors, sql_blocks);
  ts_parser_delete(bash);
  return 0;
}
