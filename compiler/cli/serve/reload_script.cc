#include "compiler/cli/serve/reload_script.h"

#include <fmt/format.h>

namespace rbc::serve {

std::string_view reload_script() {
  // The page knows the build it came from; the stream says the current one
  // on connecting (a rebuild between the page's load and the connection is
  // not missed) and after each rebuild. EventSource reconnects by itself.
  return R"JS(// runbookc serve: reloads the page when the site is rebuilt.
(function () {
  'use strict';
  var script = document.currentScript;
  var loaded = script ? script.getAttribute('data-generation') : null;
  var events = new EventSource('/__runbookc/events');
  events.addEventListener('generation', function (e) {
    if (loaded !== null && e.data !== loaded) {
      events.close();
      location.reload();
    }
  });
})();
)JS";
}

std::string inject_reload_script(std::string_view html, unsigned long generation) {
  std::string tag = fmt::format(R"(<script src="{}" data-generation="{}"></script>)", kReloadScriptPath, generation);
  size_t at = html.rfind("</body>");
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + tag.size());
  out.append(html.substr(0, at)).append(tag).append(html.substr(at));
  return out;
}

std::string generation_event(unsigned long generation) {
  return fmt::format("event: generation\ndata: {}\n\n", generation);
}

}  // namespace rbc::serve
