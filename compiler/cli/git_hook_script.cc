#include "compiler/cli/repository_files.h"

namespace rbc {

const std::string_view kGitHookMarker = "# runbookc-hook: written by `runbookc hook install`";

const std::vector<std::string_view>& repository_documents() {
  static const std::vector<std::string_view> names = {"README", "CHANGELOG", "CONTRIBUTING", "CODE_OF_CONDUCT",
                                                      "SECURITY", "LICENSE"};
  return names;
}

namespace {

/// `text` as one single-quoted shell word.
std::string shell_word(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

/// A git pathspec for the Markdown files under `dir` (relative to the root).
std::string markdown_under(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  while (dir.rfind("./", 0) == 0) dir.erase(0, 2);
  if (dir.empty() || dir == ".") return ":(glob)**/*.md";
  return ":(glob)" + dir + "/**/*.md";
}

}  // namespace

std::string git_hook_script(const std::vector<std::string>& paths) {
  std::string pathspecs;
  std::vector<std::string> dirs = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const auto& dir : dirs) pathspecs += "  " + shell_word(markdown_under(dir)) + " \\\n";
  for (std::string_view name : repository_documents())
    pathspecs += "  " + shell_word(":(exclude,glob)**/" + std::string(name) + ".md") + " \\\n";
  std::string script = "#!/bin/sh\n";
  script += kGitHookMarker;
  script += R"(; `runbookc hook uninstall` removes it.
# Lints the Markdown runbooks this commit adds, copies, modifies or renames
# (deleted files are left out; names may hold spaces), under the paths below,
# never README.md, CHANGELOG.md and the other repository documents.
# It lints the files as they are in the working tree. Skip it once with
# `git commit --no-verify`; RUNBOOKC names another runbookc binary.
runbookc=${RUNBOOKC:-runbookc}
if ! command -v "$runbookc" >/dev/null 2>&1; then
  echo "runbookc pre-commit hook: $runbookc not found; install runbookc or set RUNBOOKC" >&2
  exit 1
fi
git diff --cached --name-only --diff-filter=ACMR -z -- \
)";
  script += pathspecs;
  script += R"(  | xargs -0 -r "$runbookc" lint -- || exit 1
)";
  return script;
}

}  // namespace rbc
