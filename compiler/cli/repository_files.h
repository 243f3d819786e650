#pragma once
/// What runbookc writes into a user's repository (`runbookc init`, `runbookc
/// hook install`) and the one list both hooks share: the repository documents
/// that are Markdown but never runbooks.
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

/// README, CHANGELOG, CONTRIBUTING, ... : file stems (`.md` added) that the
/// pre-commit hooks never lint, at any depth. `.pre-commit-hooks.yaml` spells
/// the same list as a regular expression (an e2e test compares them).
const std::vector<std::string_view>& repository_documents();

/// The pre-commit hook `runbookc hook install` writes: lints the staged
/// Markdown files (added, copied, modified or renamed) under `paths`
/// (directories relative to the repository root; empty: the whole
/// repository), leaving out repository_documents().
std::string git_hook_script(const std::vector<std::string>& paths);
/// The line that marks a hook as runbookc's own.
extern const std::string_view kGitHookMarker;

/// `runbookc init`: the commented `.runbookc.yaml`, the runbook template and
/// the `.pre-commit-config.yaml` (a local hook scoped to runbooks/).
std::string_view init_config_yaml();
std::string_view init_runbook_template();
std::string_view init_pre_commit_config();

}  // namespace rbc
