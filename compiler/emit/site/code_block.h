#pragma once
/// Renders one step (code block): language and name, a declared-danger
/// panel, highlighted lines with their file line numbers, each line with a
/// finding marked and the finding shown under it, and a copy button.
#include <pugixml.hpp>

#include "compiler/emit/site/runbook_view.h"

namespace rbc::site {

void render_step(pugi::xml_node parent, const Step& step, const RunbookView& view);

}  // namespace rbc::site
