#include "compiler/emit/script/script.h"

#include "compiler/languages/bash_confirm.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "compiler/model/parameters.h"
#include "compiler/emit/script/plan.h"
#include "compiler/emit/script/shell_quote.h"
#include "compiler/model/runbook_model.h"
#include "linter/config.h"

namespace rbc {
namespace {

bool is_syntax_finding(const Diagnostic& d) { return d.code == "RB001" || d.code == "RB002" || d.code == "RB003"; }

/// `NAME=([1]='a' [2]='b')` for one field of every step.
template <typename Field>
std::string step_array(const char* name, const std::vector<PlannedStep>& steps, Field field) {
  std::string out = fmt::format("{}=(", name);
  // Every field is shown on the engineer's terminal: controls made visible.
  for (const PlannedStep& s : steps) out += fmt::format("\n  [{}]={}", s.number, shell_quote(visible_text(field(s))));
  return out + "\n)\n";
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

/// `printf '%s' 'text' "${RB_PARAM_name-}" ...`: the segments as data.
std::string printf_segments(const std::vector<Segment>& segments) {
  std::string out = "printf '%s' ''";
  for (const Segment& s : segments) {
    if (s.param.empty()) out += " " + shell_quote(visible_text(s.text));
    else out += " \"${" + parameter_names(s.param).shell_var + "-}\"";
  }
  return out;
}

}  // namespace

std::string content_hash(const Runbook& runbook) {
  const std::string& text = runbook.source->text();
  return fmt::format("{:016x}", XXH3_64bits(text.data(), text.size()));
}

std::string generate_script(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics, int section,
                            std::string* error, ScriptCheck check) {
  return generate_script(PlanIndex(runbook, diagnostics), section, error, check);
}

std::string generate_script(const PlanIndex& index, int section, std::string* error, ScriptCheck check) {
  if (check == ScriptCheck::validate) {
    std::string script = generate_script(index, section, error, ScriptCheck::lenient);
    if (script.empty() || bash_check_syntax(script).accepted()) return script;
    return generate_script(index, section, error, ScriptCheck::strict);
  }
  const Runbook& runbook = index.runbook();
  std::vector<PlannedStep> steps = plan_steps(index, section, check == ScriptCheck::strict);
  // Syntax findings of the steps in scope, in the order of the diagnostics vector.
  std::vector<const Diagnostic*> syntax_findings;
  for (const PlannedStep& s : steps)
    for (const Diagnostic* d : index.findings(s.step))
      if (is_syntax_finding(*d)) syntax_findings.push_back(d);
  std::sort(syntax_findings.begin(), syntax_findings.end(), std::less<const Diagnostic*>());
  std::string syntax;
  for (const Diagnostic* d : syntax_findings)
    syntax += fmt::format("{}:{}:{}: {} [{}] {}\n", d->path, d->start.line, d->start.column, d->code, d->rule, d->message);
  std::string scope = section >= 0 ? fmt::format("section #{}", runbook.sections[section].anchor) : "runbook";
  if (!syntax.empty()) {
    *error = fmt::format("{}: refusing to compile a script: a step has a syntax error\n{}", runbook.path(), syntax);
    return "";
  }
  size_t runnable = 0;
  for (const PlannedStep& s : steps) runnable += s.rendered.runner != "show";
  if (runnable == 0) {
    *error = fmt::format("{}: the {} has no step that can run (no shell, SQL or Redis code block)", runbook.path(),
                         scope);
    return "";
  }

  std::vector<std::string> params;  // in order of first use
  std::unordered_set<std::string> seen_params;
  for (const PlannedStep& s : steps)
    for (const std::string& p : s.rendered.params)
      if (seen_params.insert(p).second) params.push_back(p);

  // Parameters bash would evaluate as arithmetic anywhere in this script take
  // integers only: the script checks them before the first step.
  std::vector<const ArithmeticFacts*> arithmetic;
  std::set<std::string> shell_vars;
  for (const PlannedStep& s : steps) {
    if (s.rendered.runner == "shell") arithmetic.push_back(&s.rendered.arithmetic);
    for (const std::string& p : s.rendered.params) shell_vars.insert(parameter_names(p).shell_var);
  }
  std::set<std::string> evaluated = evaluated_variables(arithmetic, shell_vars);
  auto integer_params = [&](const PlannedStep& s) {
    std::vector<std::string> out;
    if (s.rendered.runner == "shell")
      for (const std::string& p : s.rendered.params)
        if (evaluated.count(parameter_names(p).shell_var)) out.push_back(p);
    return joined(out, " ");
  };

  // Alternatives this script offers: groups whose parent is within its scope
  // (a script for one alternative, or inside one, has already chosen).
  std::vector<AlternativeGroup> groups;
  for (AlternativeGroup& g : alternative_groups(runbook)) {
    if (section >= 0 && (g.parent < 0 || !within_section(runbook, g.parent, section))) continue;
    bool runs = false;  // a group whose alternatives hold nothing to run asks nothing
    for (const PlannedStep& s : steps)
      for (int member : g.sections)
        runs = runs || (s.rendered.runner != "show" && runbook.steps[s.step].section >= 0 &&
                        within_section(runbook, runbook.steps[s.step].section, member));
    if (runs) groups.push_back(std::move(g));
  }
  auto step_branches = [&](const PlannedStep& s) {  // the anchors of the alternatives it is under, outer first
    std::vector<std::string> out;
    int at = runbook.steps[s.step].section;
    for (const AlternativeGroup& g : groups)
      for (int member : g.sections)
        if (at >= 0 && within_section(runbook, at, member)) out.push_back(runbook.sections[member].anchor);
    return joined(out, " ");
  };

  std::string name = std::filesystem::path(runbook.path()).stem().string();
  std::string title = runbook_title(runbook, runbook.path());
  std::string anchor = section >= 0 ? runbook.sections[section].anchor : "";
  const std::string& hash = index.content_hash();
  std::string out;
  out += "#!/usr/bin/env bash\n";
  // Whole file: runbook prose in single-quoted data may hold typographic quotes (’).
  out += "# shellcheck disable=SC1112\n";
  out += fmt::format("# Generated by runbookc {} from {}: do not edit, regenerate.\n", RUNBOOKC_VERSION,
                     comment_text(runbook.path()));
  out += fmt::format("# Source: {}\n", comment_text(runbook.path()));
  out += fmt::format("# Section: {}\n", section >= 0 ? comment_text(anchor + " (" + runbook.section_path(section) + ")")
                                                      : std::string("whole runbook"));
  out += fmt::format("# Content hash: xxh3-64:{}\n", hash);
  out += "# Run with --help for options.\n";
  out += "set -Eeuo pipefail\n\n";

  // Shown on the terminal (usage, log names): controls made visible.
  out += "RB_NAME=" + shell_quote(visible_text(name)) + "\n";
  out += "RB_SOURCE=" + shell_quote(visible_text(runbook.path())) + "\n";
  out += "RB_TITLE=" + shell_quote(visible_text(title)) + "\n";
  out += "RB_SECTION=" + shell_quote(visible_text(anchor)) + "\n";
  out += "RB_HASH=" + shell_quote("xxh3-64:" + hash) + "\n";
  out += fmt::format("RB_STEP_COUNT={}\n", steps.size());
  out += "RB_PARAMS=(";
  for (const std::string& p : params) out += " " + shell_quote(p);
  out += " )\n";
  out += "RB_PARAM_ENV=(";  // the environment variable of each of RB_PARAMS, "" for none
  for (const std::string& p : params) out += " " + shell_quote(parameter_names(p).env_var);
  out += " )\n";
  out += step_array("RB_STEP_HEADING", steps, [](const PlannedStep& s) { return s.heading; });
  out += step_array("RB_STEP_CONTEXT", steps, [](const PlannedStep& s) { return s.context; });
  out += step_array("RB_STEP_LANG", steps, [&](const PlannedStep& s) {
    const Step& step = runbook.steps[s.step];
    return step.language.empty() ? std::string("untagged") : step.language;
  });
  out += step_array("RB_STEP_LINE", steps, [&](const PlannedStep& s) { return std::to_string(runbook.steps[s.step].line); });
  out += step_array("RB_STEP_RUNNER", steps, [](const PlannedStep& s) { return s.rendered.runner; });
  out += step_array("RB_STEP_NOTE", steps, [](const PlannedStep& s) { return s.rendered.note; });
  out += step_array("RB_STEP_DANGER", steps, [](const PlannedStep& s) { return joined(s.dangers, "\n"); });
  out += step_array("RB_STEP_PARAMS", steps, [](const PlannedStep& s) { return joined(s.rendered.params, " "); });
  out += step_array("RB_STEP_SPLICED", steps, [](const PlannedStep& s) { return joined(s.rendered.spliced, " "); });
  out += step_array("RB_STEP_INTEGER", steps, integer_params);
  out += step_array("RB_STEP_ENV", steps, [](const PlannedStep& s) { return joined(s.env, " "); });
  out += step_array("RB_STEP_UNTIL", steps, [](const PlannedStep& s) { return s.until_interrupted; });
  out += step_array("RB_STEP_BRANCH", steps, step_branches);
  // The alternatives: RB_BRANCHES[i] (an anchor, what --branch takes) is one
  // of group RB_BRANCH_GROUP[i], whose heading is RB_GROUP_HEADING[group].
  std::string branches = "RB_BRANCHES=(", branch_titles = "RB_BRANCH_TITLE=(", branch_groups = "RB_BRANCH_GROUP=(";
  std::string group_headings = "RB_GROUP_HEADING=(";
  for (size_t g = 0; g < groups.size(); ++g) {
    group_headings += " " + shell_quote(visible_text(groups[g].parent >= 0 ? section_label(runbook, groups[g].parent) : title));
    for (int member : groups[g].sections) {
      branches += " " + shell_quote(runbook.sections[member].anchor);
      branch_titles += " " + shell_quote(visible_text(runbook.sections[member].title));
      branch_groups += fmt::format(" {}", g);
    }
  }
  out += branches + " )\n" + branch_titles + " )\n" + branch_groups + " )\n" + group_headings + " )\n";
  out += step_array("RB_STEP_TERMINAL", steps, [](const PlannedStep& s) { return std::string(s.needs_terminal ? "1" : ""); });
  // Variables whose values the transcript masks: the secret rules' names.
  std::set<std::string> secret_vars;
  for (const PlannedStep& s : steps)
    for (const std::string& v : s.env)
      if (Config::defaults().is_secret_name(v)) secret_vars.insert(v);
  for (const std::string& p : params)
    if (Config::defaults().is_secret_name(p)) secret_vars.insert(parameter_names(p).shell_var);
  out += "RB_SECRET_VARS=(";
  for (const std::string& v : secret_vars) out += " " + shell_quote(v);
  out += " )\n";
  out += "\n";
  out += script_prelude();
  out += "\n";

  for (const PlannedStep& s : steps) {
    out += fmt::format("\n# Step {}: {} (line {})\n", s.number, comment_text(s.heading), runbook.steps[s.step].line);
    out += fmt::format("rb_show_{}() {{\n  {}\n}}\n", s.number, printf_segments(s.rendered.display));
    const std::string& runner = s.rendered.runner;
    if (runner == "psql" || runner == "mysql" || runner == "redis") {
      out += fmt::format("rb_input_{}() {{\n  printf '%s\\n' {}\n}}\n", s.number, shell_quote(s.rendered.code));
    } else if (runner == "shell") {
      // The author's commands: shellcheck reviews the scaffolding, not them.
      out += "# shellcheck disable=all\n" + shell_function(fmt::format("rb_step_{}", s.number), s.rendered.code);
    }
  }
  out += "\nrb_main \"$@\"\n";
  return out;
}

}  // namespace rbc
