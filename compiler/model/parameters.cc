#include "compiler/model/parameters.h"

#include <cctype>
#include <set>

#include "compiler/base/ascii.h"

namespace rbc {
namespace {

/// Variables a login shell or bash itself sets: reading `<user>` from $USER
/// would fill it silently, so these are only taken from --param.
bool set_by_environment(const std::string& env) {
  static const std::set<std::string> names = {
      "BASH", "EUID", "GROUPS", "HOME", "HOST", "HOSTNAME", "HOSTTYPE", "IFS", "LANG", "LINENO", "LOGNAME",
      "MAIL", "OLDPWD", "OPTARG", "OPTIND", "OSTYPE", "PATH", "PPID", "PS1", "PS2", "PS4", "PWD", "RANDOM",
      "SECONDS", "SHELL", "SHLVL", "TERM", "TMPDIR", "TZ", "UID", "USER"};
  return names.count(env) > 0;
}

}  // namespace

ParameterNames parameter_names(std::string_view name) {
  ParameterNames out;
  out.name = std::string(name);
  std::string snake;
  for (char c : name) snake += (c == '-') ? '_' : c;
  out.shell_var = "RB_PARAM_" + snake;
  out.psql_var = "rb_" + snake;
  out.env_var = ascii_upper(snake);
  if (!out.env_var.empty() && std::isdigit(static_cast<unsigned char>(out.env_var[0]))) out.env_var = "P_" + out.env_var;
  if (set_by_environment(out.env_var)) out.env_var.clear();
  return out;
}

}  // namespace rbc
