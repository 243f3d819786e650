#pragma once
/// Renders a runbook's document tree (Runbook::document) into HTML nodes.
/// Raw HTML from the runbook never passes through: comments are dropped,
/// `<br>` becomes a line break, anything else is shown as text. Link and
/// image URLs go through safe_url(); remote images become links (a built
/// site loads nothing from the network).
#include <pugixml.hpp>

#include "compiler/emit/site/runbook_view.h"

namespace rbc::site {

void render_document(pugi::xml_node parent, const RunbookView& view);

}  // namespace rbc::site
