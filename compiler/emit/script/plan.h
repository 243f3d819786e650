#pragma once
/// Which code blocks a script holds, numbered, with what the engineer sees
/// before each: the heading path, the prose before it, its dangers.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"
#include "compiler/model/step_text.h"
#include "linter/diagnostic.h"

namespace rbc {

struct PlannedStep {
  int number = 0;                     ///< 1-based, as --step/--from/--list use it
  int step = -1;                      ///< index into Runbook::steps
  std::string heading;                ///< "Mitigation > Corrupted session data"
  std::string context;                ///< the paragraph just before the block, if any
  RenderedStep rendered;
  std::vector<std::string> dangers;   ///< "RB201 rule-name: message", declared danger last
  std::vector<std::string> env;       ///< environment variables the step reads
  /// "`kubectl logs -f` follows the log": the step runs until Ctrl-C, which
  /// then goes on with the next step; "" for a step that ends by itself.
  std::string until_interrupted;
  bool needs_terminal = false;        ///< full-screen or interactive: its output is not captured
};

/// What planning reads from the whole runbook, computed once per runbook so
/// that a script per section costs its own steps, not the whole document.
class PlanIndex {
 public:
  PlanIndex(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics);

  const Runbook& runbook() const { return runbook_; }
  /// Indexes into Runbook::steps of the steps in `section` and its
  /// subsections (every step for -1), in document order.
  const std::vector<int>& steps_in(int section) const;
  /// The paragraph read last before step `step` ("" when none).
  const std::string& context(int step) const { return context_[step]; }
  /// Findings about step `step`, in the order of the diagnostics vector.
  const std::vector<const Diagnostic*>& findings(int step) const { return findings_[step]; }
  /// content_hash(runbook()), hashed once.
  const std::string& content_hash() const { return content_hash_; }

 private:
  const Runbook& runbook_;
  std::vector<int> all_steps_;
  std::vector<std::vector<int>> section_steps_;
  std::vector<std::string> context_;
  std::vector<std::vector<const Diagnostic*>> findings_;
  std::string content_hash_;
};

std::vector<PlannedStep> plan_steps(const PlanIndex& index, int section, bool strict = false);

/// Every code block of the runbook (section -1) or of `section` and its
/// subsections, in document order. Blocks that cannot run are "show" steps.
std::vector<PlannedStep> plan_steps(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics,
                                    int section, bool strict = false);

/// Sections a per-incident script is made for: every section that directly
/// holds a block that runs (so "Diagnosis" and each "Mitigation > ..."
/// subsection, but not "Mitigation" itself when only its subsections hold
/// commands). A script for a section also runs its subsections' blocks.
std::vector<int> incident_sections(const Runbook& runbook);

/// A line of `runbookc script --list-sections`: a section a script can be
/// made for, or one above such sections (the incident that holds them).
struct SectionOutline {
  int section = -1;
  int depth = 0;          ///< sections listed above it
  size_t steps = 0;       ///< steps that run, in it and its subsections
  size_t dangerous = 0;   ///< of those, the ones that ask for confirmation
};
/// Incident sections and the sections above them, in document order, without
/// the runbook's title heading (see section_label).
std::vector<SectionOutline> section_outline(const PlanIndex& index);

/// A heading that opens one of several alternatives: its first word (after
/// any numbering) is "If", "Si", "Wenn", "Falls", or it names an "Option",
/// "Case", "Cas", "Scenario" or "Alternative".
bool is_alternative_heading(std::string_view title);

/// Sibling sections that are alternatives to one another ("If the primary is
/// down" / "If the replica is down"), or the subsections of a heading the
/// front matter names in `alternatives:`: a script runs the steps of one of them.
struct AlternativeGroup {
  int parent = -1;            ///< the section holding them (-1: the top)
  std::vector<int> sections;  ///< two or more, in document order
};
std::vector<AlternativeGroup> alternative_groups(const Runbook& runbook);

/// Index of the section whose anchor is `anchor`, -1 when there is none.
int find_section(const Runbook& runbook, std::string_view anchor);

/// True when `section` is `ancestor` or nested under it.
bool within_section(const Runbook& runbook, int section, int ancestor);

}  // namespace rbc
