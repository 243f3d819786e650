#pragma once
/// What `runbookc serve` adds to the pages it serves (never to the files on
/// disk, which stay byte-identical to `runbookc build`'s): a script that
/// listens to the server's events and reloads the page after a rebuild.
#include <string>
#include <string_view>

namespace rbc::serve {

/// The server-sent events stream: `event: generation` with the number of
/// the current build, at once and after every successful rebuild.
inline constexpr std::string_view kEventsPath = "/__runbookc/events";
/// The reload script itself.
inline constexpr std::string_view kReloadScriptPath = "/__runbookc/reload.js";

/// The reload script's source.
std::string_view reload_script();

/// `html` with a script element loading the reload script, tagged with the
/// build `generation` the page comes from, inserted before its last
/// `</body>` (appended when there is none).
std::string inject_reload_script(std::string_view html, unsigned long generation);

/// One server-sent event announcing `generation`.
std::string generation_event(unsigned long generation);

}  // namespace rbc::serve
