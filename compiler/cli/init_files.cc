// The files `runbookc init` writes. Each key and field here is one the code
// reads: linter/config.cc for .runbookc.yaml, compiler/syntax/metadata.cc for
// the front matter. tests/e2e/init_command.sh uncomments every key and lints
// with the result, so an example that stops parsing fails a test.
#include "compiler/cli/repository_files.h"

namespace rbc {

std::string_view init_config_yaml() {
  return R"(# runbookc configuration. runbookc lint, build and index find it by walking
# up from each runbook's directory (or take --config FILE). Every key is
# optional and shown commented out with its default; uncomment to change it.
# Command-line --select, --ignore, --exclude and --today apply on top.
# A .runbookc.yaml in a subdirectory applies over this one for the runbooks
# below it: rules merge rule by rule, exclude and per_file_ignores add up,
# the other keys replace.

# true: directories above this one are not searched for more configuration.
#root: false

# Rules by code or kebab-case name: off, note, warning or error.
# `runbookc rules` lists them, `runbookc explain RB201` shows one.
#rules: {}                    # e.g. {RB201: off, update-without-where: error}

# Sections every runbook must have (RB408); none unless set. Well-known roles
# (Symptoms, Diagnosis, Mitigation, Resolution, Communication, Escalation)
# accept English and French aliases; a mapping adds your own headings.
#required_sections: []        # e.g. [Symptoms, Diagnosis, Mitigation, Escalation]

# Substrings of variable names (any case) whose values are secrets: printing
# one (echo $DB_PASSWORD) is reported.
#secret_names: [SECRET, TOKEN, PASSWORD, PASSWD, API_KEY, APIKEY, PRIVATE_KEY, CREDENTIAL, DATABASE_URL, DSN, JWT, ACCESS_KEY]

# Branches a force push must not target.
#protected_branches: [main, master, production, prod, release]

# Globs of files not linted, relative to this file's directory; '*' crosses '/'.
#exclude: []                  # e.g. ["drafts/*", "runbooks/TEMPLATE.md"]

# File extensions that count as runbooks when a directory is walked (files
# named on the command line are read whatever their extension).
#extensions: [md]

# Rules turned off in some files only: globs (as exclude) to rule codes,
# code prefixes or names (ALL for every rule).
#per_file_ignores: {}         # e.g. {"legacy/*": [RB404, RB409]}

# How long a review holds when a runbook gives a "Last Updated:" date in its
# body and no review_every of its own: days (90d), months (6m) or years (1y).
#review_period: 180d

# Your team's own command words, for the danger rules:
#   aliases: a word and the command it stands for ({kc: kubectl});
#   wrappers: commands that run the command in their arguments (with-role prod kubectl ...);
#   dangerous: a command (program and subcommand words) with its effect, one of
#     destroys-data, irreversible, disrupts, changes-access, prints-secret,
#     and what it does, in a sentence.
#commands: {aliases: {}, wrappers: [], dangerous: []}
# e.g.
# commands:
#   aliases: {kc: kubectl}
#   wrappers: [with-role]
#   dangerous:
#     - {command: deployctl release purge, effect: destroys-data, does: deletes every cached release}

# Alerts. sources: the conventions that name a runbook's alerts (front matter
# `alerts:`, a file named after the alert under alerts/ or runbooks/, a title
# that is the alert's name); name_pattern: a regular expression searched in
# headings, group 1 the name. annotation and runbook_url: for `runbookc alerts
# check`, the rule annotation with the runbook's URL, and how such a URL maps to
# a runbook: base URL, source directory (relative to this file), case: lower
# (Hugo) or preserve (mdBook, Jekyll).
#alerts: {sources: [front_matter, file_name, heading], annotation: runbook_url}
# e.g.
# alerts:
#   name_pattern: '^Alert: (\S+)$'
#   runbook_url: {base: "https://runbooks.example.com/", source: content/runbooks, case: lower}
)";
}

std::string_view init_runbook_template() {
  return R"(---
# Front matter: every field is optional; runbookc reads these.
# title: the page title (default: the first heading).
title: Service name - what is wrong
# service: the service this runbook is for (the site's index filters on it).
service: example-service
# severity: P0 to P3 (also read as `priority`); RB409, when turned on, notes a runbook without it.
severity: P2
# owner: the team or person who keeps it (also `owners`, `team`: the first one counts).
owner: "@example-org/sre"
# alerts: the alert names that link here (the site's alerts.json maps them to this page).
alerts:
  - ExampleServiceErrorRateHigh
# tags: free words the site's index filters on.
tags:
  - example
# last_reviewed: YYYY-MM-DD (also `last_updated`); with review_every it gives the
# next review date, and RB406 reports it once passed.
last_reviewed: {{TODAY}}
# review_every: how long a review holds: 90d, 6m or 1y.
review_every: 90d
# version: free text, kept in the site's runbooks.json.
version: "1"
---

# Service name - what is wrong

One paragraph: what the person paged sees, what is at stake for users, and
how fast it gets worse. Copy this file, rename it after the alert or the
symptom, and replace every example below.

## Symptoms

- The alert `ExampleServiceErrorRateHigh` fires.
- What users or dashboards show.

## Diagnosis

1. Look at the pods. Each step is a fenced code block with its language, so
   runbookc can check it and turn it into a script; placeholders such as
   `<namespace>` become the script's parameters.

```bash
kubectl get pods -n <namespace> -l app=example-service
kubectl logs -n <namespace> deploy/example-service --since=10m | tail -n 50
```

2. Query the database read-only.

```sql
SELECT state, count(*) FROM pg_stat_activity GROUP BY state;
```

## Mitigation

Say what each step changes and how to undo it. A step that is dangerous on
purpose is declared, so that its findings stay notes: put
`<!-- runbookc-danger reason="why it is needed" -->` under its heading, or
open its fence with `{danger="why"}` after the language.

## Escalation

- Owning team: `@example-org/sre`, through the paging tool.
)";
}

std::string_view init_pre_commit_config() {
  return R"(# pre-commit (https://pre-commit.com): lints the runbooks a commit changes.
# A local hook that runs the runbookc on your PATH; nothing is downloaded.
# Or take the hook from the runbookc repository, pinned to the release you
# installed (`runbookc --version`):
#   - repo: <the runbookc repository URL>
#     rev: <the tag of that release>
#     hooks:
#       - id: runbookc-lint
#         files: ^runbooks/
repos:
  - repo: local
    hooks:
      - id: runbookc-lint
        name: runbookc lint
        entry: runbookc lint
        language: system
        types: [markdown]
        # Only the runbooks: README.md, CHANGELOG.md and other documents stay out.
        files: ^runbooks/
)";
}

}  // namespace rbc
