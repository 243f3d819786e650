#pragma once
/// The server over a byte stream: a thread reads the client's bytes from a
/// file descriptor and hands whole messages to the loop, which runs the
/// Server (handling each message, linting when a document's timer runs out)
/// and writes its messages framed to `out`. Everything the server does
/// happens on the calling thread.
#include <chrono>
#include <ostream>

namespace rbc::lsp {

/// Serves until `exit` (or the end of the input); returns the process's
/// exit code: 0 after shutdown then exit, 1 otherwise.
int serve(int in_fd, std::ostream& out, std::chrono::milliseconds debounce);

}  // namespace rbc::lsp
