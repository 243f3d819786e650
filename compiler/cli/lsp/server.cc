#include "compiler/cli/lsp/server.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/cli/lsp/findings.h"

namespace rbc::lsp {
namespace {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

json response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

json error_response(const json& id, int code, std::string message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", std::move(message)}}}};
}

json notify(std::string method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

json log_message(int type, std::string text) {
  return notify("window/logMessage", {{"type", type}, {"message", std::move(text)}});
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Position position_param(const json& p, const SourceFile& file, Encoding encoding) {
  return from_lsp(file, {p.at("line").get<uint32_t>(), p.at("character").get<uint32_t>()}, encoding);
}

}  // namespace

std::string path_of_uri(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (!uri.starts_with(scheme)) return uri;
  std::string_view rest = std::string_view(uri).substr(scheme.size());
  // file://host/path: only the local host (empty or localhost) is a path here.
  if (rest.starts_with("localhost/")) rest.remove_prefix(std::string_view("localhost").size());
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

Server::Server(std::chrono::milliseconds debounce) : debounce_(debounce) {}

std::vector<json> Server::handle(const json& message, Clock::time_point now) {
  if (!message.is_object()) return {error_response(nullptr, kInvalidRequest, "a message must be a JSON object")};
  bool has_id = message.contains("id");
  if (!message.contains("method")) return {};  // a response to a request of ours: we send none
  if (!message["method"].is_string())
    return has_id ? std::vector<json>{error_response(message["id"], kInvalidRequest, "method is not a string")}
                  : std::vector<json>{};
  std::string method = message["method"];
  json params = message.value("params", json::object());
  try {
    if (has_id) return request(method, message["id"], params);
    return notification(method, params, now);
  } catch (const json::exception& e) {
    if (has_id) return {error_response(message["id"], kInvalidParams, fmt::format("bad params for {}: {}", method, e.what()))};
    return {log_message(1, fmt::format("runbookc: bad params for {}: {}", method, e.what()))};
  }
}

std::vector<json> Server::request(const std::string& method, const json& id, const json& params) {
  if (method == "initialize") {
    initialized_ = true;
    return {response(id, initialize_result(params))};
  }
  if (!initialized_) return {error_response(id, kServerNotInitialized, "initialize first")};
  if (shut_down_) return {error_response(id, kInvalidRequest, "the server is shut down")};
  if (method == "shutdown") {
    shut_down_ = true;
    return {response(id, nullptr)};
  }
  std::vector<json> out;
  if (method == "textDocument/codeAction") {
    Document* doc = fresh(params, out);
    out.push_back(response(id, doc ? code_action_result(*doc, params) : json::array()));
    return out;
  }
  if (method == "textDocument/hover") {
    Document* doc = fresh(params, out);
    out.push_back(response(id, doc ? hover_result(*doc, params) : json(nullptr)));
    return out;
  }
  return {error_response(id, kMethodNotFound, "runbookc does not handle " + method)};
}

std::vector<json> Server::notification(const std::string& method, const json& params, Clock::time_point now) {
  if (method == "exit") {
    exited_ = true;
    return {};
  }
  if (!initialized_ || shut_down_) return {};
  if (method == "textDocument/didOpen") {
    const json& item = params.at("textDocument");
    Document& doc = documents_[item.at("uri").get<std::string>()];
    doc.uri = item.at("uri").get<std::string>();
    doc.text = item.at("text").get<std::string>();
    doc.version = item.value("version", 0);
    doc.result.reset();
    doc.linted_version = -1;
    doc.due = now;  // at once: the next tick
    return {};
  }
  if (method == "textDocument/didChange") {
    auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
    if (it == documents_.end()) return {};
    Document& doc = it->second;
    // Full synchronisation (textDocumentSync.change = 1): the last change is the whole text.
    const json& changes = params.at("contentChanges");
    if (changes.empty()) return {};
    if (changes.back().contains("range"))
      return {log_message(1, "runbookc: an incremental change; this server asked for whole texts")};
    doc.text = changes.back().at("text").get<std::string>();
    doc.version = params.at("textDocument").value("version", doc.version + 1);
    doc.due = now + debounce_;
    return {};
  }
  if (method == "textDocument/didClose") {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    documents_.erase(uri);
    return {notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}})};
  }
  return {};  // initialized, didSave, $/cancelRequest, $/setTrace...: nothing to do
}

std::vector<json> Server::tick(Clock::time_point now) {
  std::vector<json> out;
  for (auto& [uri, doc] : documents_) {
    if (!doc.due || *doc.due > now) continue;
    for (json& m : lint(doc)) out.push_back(std::move(m));
  }
  return out;
}

std::optional<Clock::time_point> Server::next_deadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, doc] : documents_)
    if (doc.due && (!next || *doc.due < *next)) next = doc.due;
  return next;
}

std::vector<json> Server::lint(Document& doc) {
  std::vector<json> out;
  doc.due.reset();
  LintOptions options;
  options.jobs = 1;
  options.findings_only = true;
  LintRun run = lint_text(path_of_uri(doc.uri), doc.text, options);
  for (const std::string& e : run.errors) out.push_back(log_message(1, "runbookc: " + e));
  doc.result.reset();
  if (!run.files.empty()) doc.result = std::move(run.files.front());
  doc.linted_version = doc.version;
  json diagnostics = json::array();
  if (doc.result && doc.result->error.empty())
    for (const Diagnostic& d : doc.result->diagnostics)
      diagnostics.push_back(diagnostic_json(d, *doc.result->runbook.source, encoding_));
  out.push_back(notify("textDocument/publishDiagnostics",
                       {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diagnostics)}}));
  return out;
}

Server::Document* Server::fresh(const json& params, std::vector<json>& out) {
  auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
  if (it == documents_.end()) return nullptr;
  if (it->second.due)
    for (json& m : lint(it->second)) out.push_back(std::move(m));
  if (!it->second.result || !it->second.result->error.empty()) return nullptr;
  return &it->second;
}

json Server::initialize_result(const json& params) {
  encoding_ = Encoding::utf16;
  if (params.contains("capabilities")) {
    const json& caps = params["capabilities"];
    if (caps.contains("general") && caps["general"].contains("positionEncodings")) {
      for (const json& e : caps["general"]["positionEncodings"])
        if (e == "utf-32") encoding_ = Encoding::utf32;
    }
  }
  json capabilities = {{"positionEncoding", to_string(encoding_)},
                       {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
                       {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
                       {"hoverProvider", true}};
  return {{"capabilities", std::move(capabilities)}, {"serverInfo", {{"name", "runbookc"}, {"version", RUNBOOKC_VERSION}}}};
}

json Server::code_action_result(Document& doc, const json& params) {
  const Runbook& runbook = doc.result->runbook;
  const json& range = params.at("range");
  Position start = position_param(range.at("start"), *runbook.source, encoding_);
  Position end = position_param(range.at("end"), *runbook.source, encoding_);
  json actions = json::array();
  // context.only: the kinds the client wants; every action here is a "quickfix".
  if (params.contains("context") && params["context"].contains("only")) {
    const json& only = params["context"]["only"];
    if (std::find(only.begin(), only.end(), json("quickfix")) == only.end()) return actions;
  }
  for (const Diagnostic& d : doc.result->diagnostics)
    if (finding_touches(d, start, end))
      for (json& a : code_actions(d, runbook, doc.uri, encoding_)) actions.push_back(std::move(a));
  // Fixes first, suppressions after: the editor lists them in this order.
  std::stable_partition(actions.begin(), actions.end(), [](const json& a) { return a.value("isPreferred", false); });
  return actions;
}

json Server::hover_result(Document& doc, const json& params) {
  const Runbook& runbook = doc.result->runbook;
  Position at = position_param(params.at("position"), *runbook.source, encoding_);
  std::vector<const Diagnostic*> here;
  for (const Diagnostic& d : doc.result->diagnostics)
    if (finding_touches(d, at, at)) here.push_back(&d);
  if (here.empty()) return nullptr;
  return {{"contents", {{"kind", "plaintext"}, {"value", hover_text(here)}}},
          {"range", range_json(*runbook.source, here.front()->start, here.front()->end, encoding_)}};
}

}  // namespace rbc::lsp
