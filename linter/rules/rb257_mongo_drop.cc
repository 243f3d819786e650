#include <array>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

constexpr std::array<std::string_view, 5> kDestructive = {".dropDatabase(", ".drop(", ".deleteMany({})", ".remove({})",
                                                          ".dropIndexes("};

/// Offset and text of the first destructive call in `js` outside `//` comments.
std::optional<std::pair<size_t, std::string_view>> find_destructive(std::string_view js) {
  size_t line = 0;
  while (line < js.size()) {
    size_t end = js.find('\n', line);
    if (end == std::string_view::npos) end = js.size();
    std::string_view text = js.substr(line, end - line);
    size_t comment = text.find("//");
    if (comment != std::string_view::npos) text = text.substr(0, comment);
    for (std::string_view call : kDestructive)
      if (size_t at = text.find(call); at != std::string_view::npos) return std::make_pair(line + at + 1, call.substr(1));
    line = end + 1;
  }
  return std::nullopt;
}

void report(Emitter& emit, Span span, std::string_view call) {
  emit.report(span,
              "`" + std::string(call) + "...` permanently deletes MongoDB data (a whole database, collection or every "
              "document); there is no undo without a backup",
              "delete with a selective filter (deleteMany({field: value})) after counting it with countDocuments, "
              "or declare danger=\"...\" on the block");
}

/// `mongo`/`mongosh --eval '...'`.
void check_eval(const Runbook& runbook, const Step&, const Command& cmd, Emitter& emit) {
  const std::string& file = runbook.source->text();
  for (size_t i = 1; i + 1 < cmd.argv.size(); ++i) {
    if (cmd.argv[i].text != "--eval") continue;
    const Word& js = cmd.argv[i + 1];
    auto hit = find_destructive(js.text);
    if (!hit) return;
    // The script is one quoted word: skip the opening quote to land on the call.
    uint32_t begin = js.span.begin + ((file[js.span.begin] == '"' || file[js.span.begin] == '\'') ? 1 : 0);
    begin = std::min(begin + static_cast<uint32_t>(hit->first), js.span.end);
    report(emit, {begin, std::min(begin + static_cast<uint32_t>(hit->second.size()), js.span.end)}, hit->second);
    return;
  }
}

/// js, javascript and mongo blocks.
void check_scripts(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    const std::string& lang = step.language;
    if (lang != "js" && lang != "javascript" && lang != "mongo" && lang != "mongodb" && lang != "mongosh") continue;
    if (auto hit = find_destructive(step.body)) {
      uint32_t at = static_cast<uint32_t>(hit->first);
      report(emit, step.file_span(at, at + static_cast<uint32_t>(hit->second.size())), hit->second);
    }
  }
}

const bool registered = register_rule({
    .code = "RB257",
    .name = "mongo-drop",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "MongoDB dropDatabase(), drop() or deleteMany({}) deletes data wholesale",
    .what = "Reports `.dropDatabase()`, `.drop()`, `.dropIndexes()`, `.deleteMany({})` and `.remove({})` in "
            "scripts passed to `mongo`/`mongosh --eval` and in js, javascript and mongo blocks, outside `//` "
            "comments.",
    .why = "Each one removes a database, a collection or all its documents at once; MongoDB has no transaction "
           "to roll back and no recycle bin.",
    .instead = "Filter the deletion (`deleteMany({status: \"stale\"})`), count the matches first, and back up.",
    .bad = {"# Reset\n\n```bash\nmongosh \"$MONGO_URL\" --eval 'db.sessions.drop()'\n```\n", 4, 42},
    .good = {"# Reset\n\n```bash\nmongosh \"$MONGO_URL\" --eval 'db.sessions.countDocuments({})'\n```\n"},
    .check = check_scripts,
    .on_command = {.names = {"mongo", "mongosh"}, .check = check_eval},
});

}  // namespace
}  // namespace rbc
