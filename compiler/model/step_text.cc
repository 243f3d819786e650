#include "compiler/model/step_text.h"

#include <algorithm>
#include <cctype>

#include "compiler/model/parameters.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/languages/language_registry.h"
#include "compiler/languages/normalize.h"

namespace rbc {
namespace {

/// The block's commands: prompts and output lines dropped (from the blanked
/// `normalized` text), placeholders cut out as parameter segments.
/// `used` receives the placeholder of each parameter segment, in order.
std::vector<Segment> command_segments(const Step& step, const std::string& normalized,
                                      std::vector<const Placeholder*>& used) {
  struct Found {
    uint32_t begin, end;
    const Placeholder* p;
  };
  std::vector<Found> found;
  for (const Placeholder& p : step.facts.placeholders) {
    auto it = std::find(step.body_to_file.begin(), step.body_to_file.end(), p.span.begin);
    if (it == step.body_to_file.end()) continue;
    uint32_t b = static_cast<uint32_t>(it - step.body_to_file.begin());
    if (step.body.compare(b, p.written.size(), p.written) != 0) continue;
    found.push_back({b, b + static_cast<uint32_t>(p.written.size()), &p});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });

  std::vector<Segment> out;
  auto add_text = [&](std::string_view t) {
    if (t.empty()) return;
    if (out.empty() || !out.back().param.empty()) out.push_back({});
    out.back().text += t;
  };
  const std::string& body = step.body;
  bool blanked = normalized.size() == body.size();
  size_t next = 0;
  for (uint32_t ls = 0; ls < body.size();) {
    uint32_t le = static_cast<uint32_t>(std::min(body.find('\n', ls), body.size()));
    uint32_t start = ls;
    if (blanked) {
      bool has_text = false, all_blank = true;
      for (uint32_t i = ls; i < le; ++i) {
        if (!std::isspace(static_cast<unsigned char>(body[i]))) has_text = true;
        if (normalized[i] != ' ' && normalized[i] != '\t' && normalized[i] != '\r') all_blank = false;
      }
      if (has_text && all_blank) {  // an output line, a prompt-only line
        ls = le + 1;
        continue;
      }
      int last_blanked = -1;  // a prompt blanked at the start of the line
      for (uint32_t i = ls; i < le && normalized[i] == ' '; ++i)
        if (body[i] != ' ' && body[i] != '\t') last_blanked = static_cast<int>(i);
      if (last_blanked >= 0) {
        start = static_cast<uint32_t>(last_blanked) + 1;
        if (start < le && body[start] == ' ') ++start;
      }
    }
    while (next < found.size() && found[next].begin < start) ++next;
    uint32_t at = start;
    for (; next < found.size() && found[next].end <= le; ++next) {
      add_text(std::string_view(body).substr(at, found[next].begin - at));
      out.push_back({found[next].p->written, found[next].p->name});
      used.push_back(found[next].p);
      at = found[next].end;
    }
    add_text(std::string_view(body).substr(at, le - at));
    if (le < body.size()) add_text("\n");
    ls = le + 1;
  }
  return out;
}

/// The placeholder marker byte or NUL in the step's own text. Other control
/// characters run as written; the script shows them as escapes.
bool has_unrenderable_bytes(const std::vector<Segment>& segments) {
  for (const Segment& s : segments)
    if (s.text.find(kPlaceholderMark) != std::string::npos || s.text.find('\0') != std::string::npos) return true;
  return false;
}

bool hands_text_to_a_shell(const Step& step) {
  for (const Command& c : step.facts.commands)
    for (const std::string& w : c.wrappers)
      if (w == "ssh" || (w.size() > 3 && w.compare(w.size() - 3, 3, " -c") == 0)) return true;
  return false;
}

/// The filled text into `out`; false (with `why`) when it has no safe form.
bool take(FilledText filled, RenderedStep& out, std::string& why) {
  if (!filled.refused.empty()) {
    why = std::move(filled.refused);
    return false;
  }
  out.code = std::move(filled.code);
  out.params = std::move(filled.params);
  out.spliced = std::move(filled.spliced);
  return true;
}

}  // namespace

std::string shell_function(const std::string& name, const std::string& body) {
  // The blank line and ':' end a trailing line continuation or an open list.
  return name + "() {\n" + body + "\n\n:\n}\n";
}

RenderedStep render_step(const Step& step, bool strict) {
  RenderedStep out;
  auto show = [&](std::string note) {
    out.runner = "show";
    out.note = std::move(note);
    out.code.clear();
    out.params.clear();
    out.spliced.clear();
    return out;
  };
  std::string lang = step.language.empty() ? std::string("untagged") : step.language;
  if (!step.facts.mistagged_as.empty()) {
    out.display = {{step.body, ""}};
    return show("looks like " + step.facts.mistagged_as + ", not " + lang + ": shown, not run");
  }
  if (step.kind_guessed) {
    out.display = {{step.body, ""}};
    return show("untagged block: shown, not run; tag its fence (```bash) to run it");
  }
  if (step.facts.syntax_error) {
    out.display = {{step.body, ""}};
    return show("does not parse as " + lang + ": shown, not run");
  }
  std::vector<const Placeholder*> placeholders;  // of the parameter segments
  const Language* language = language_of(step.kind);
  out.runner = language ? language->runner : std::string_view();
  if (out.runner == "shell") {
    out.display = command_segments(step, step.facts.normalized, placeholders);
  } else if (out.runner == "psql" || out.runner == "mysql") {
    bool transcript = normalize_sql(step.body).transcript;
    out.display = command_segments(step, transcript ? step.facts.normalized : std::string(), placeholders);
  } else if (out.runner == "redis") {
    out.display = {{step.body, ""}};
  } else {
    out.display = {{step.body, ""}};
    return show(lang + " is shown, not run");
  }
  if (has_unrenderable_bytes(out.display))
    return show("holds a \\x01 or NUL byte (shown escaped): shown, not run");
  std::vector<Segment> uses;
  std::string flat = flatten(out.display, uses);
  if (flat.find_first_not_of(" \t\r\n") == std::string::npos) return show("no commands to run");
  std::string why;
  if (out.runner == "shell") {
    std::vector<ShellQuoting> quoting;
    for (const Placeholder* p : placeholders) quoting.push_back(p->quoting);
    FilledText filled = fill_shell(out.display, quoting, step.facts.open_heredocs, hands_text_to_a_shell(step));
    if (!take(std::move(filled), out, why)) return show(why + ": shown, not run");
    // What the linter parsed had placeholders as plain words; the text as it
    // will run is parsed once more, for its arithmetic and its syntax.
    std::string function = shell_function("rb_step", out.code);
    ShellCodeParse parsed = parse_shell_code(function);
    out.arithmetic = std::move(parsed.arithmetic);
    for (const std::string& p : out.params)
      if (out.arithmetic.as_names.count(parameter_names(p).shell_var))
        return show("placeholder <" + p + "> stands where bash takes a variable name, where no value is safe: shown, not run");
    // bash has the last word: on what tree-sitter rejects, and on everything
    // when strict. When bash cannot be run, tree-sitter's verdict stands.
    BashVerdict verdict = !strict && parsed.accepted ? BashVerdict{} : bash_check_syntax(function);
    bool parses = verdict.not_run() ? parsed.accepted : verdict.accepted();
    if (!parses) return show("does not parse as bash with its placeholders filled in: shown, not run");
  } else if (out.runner == "psql") {
    if (!take(fill_psql(flat, uses), out, why)) return show(why + ": shown, not run");
  } else {
    std::string probe = flat;
    std::vector<FoundPlaceholder> found;
    replace_placeholders(probe, found, out.runner == "mysql");
    if (!uses.empty() || !found.empty())
      return show(out.runner + " blocks with placeholders are shown, not run: fill them in by hand");
    out.code = flat;
  }
  // Placeholders left as written (in comments) are shown as written.
  for (Segment& seg : out.display)
    if (!seg.param.empty() && std::find(out.params.begin(), out.params.end(), seg.param) == out.params.end())
      seg.param.clear();
  return out;
}

}  // namespace rbc
