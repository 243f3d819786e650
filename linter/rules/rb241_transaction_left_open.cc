#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool opens(const SqlStatement& st) {
  return st.kind == "TransactionStmt" && (st.subkind == "TRANS_STMT_BEGIN" || st.subkind == "TRANS_STMT_START");
}

bool closes(const SqlStatement& st) {
  return st.kind == "TransactionStmt" && !opens(st) && st.subkind != "TRANS_STMT_SAVEPOINT" &&
         st.subkind != "TRANS_STMT_RELEASE" && st.subkind != "TRANS_STMT_ROLLBACK_TO";
}

void check(const Runbook& runbook, Emitter& emit) {
  // A COMMIT or ROLLBACK in a later block counts: runbooks often split the
  // transaction to let the reader check the result before committing.
  bool closed_later = false;
  for (auto step = runbook.steps.rbegin(); step != runbook.steps.rend(); ++step) {
    if (!is_checked(*step)) continue;
    const SqlStatement* open = nullptr;
    for (const SqlStatement& st : step->facts.statements) {
      if (opens(st)) open = &st;
      else if (closes(st)) open = nullptr;
    }
    if (open && !closed_later)
      emit.report(open->span,
                  "this transaction is never committed or rolled back in the runbook: its locks stay held and "
                  "other sessions queue behind them until the connection closes",
                  "end the block with COMMIT (or ROLLBACK), or tell the reader in a later step which one to run");
    for (const SqlStatement& st : step->facts.statements)
      if (closes(st)) closed_later = true;
  }
}

const bool registered = register_rule({
    .code = "RB241",
    .name = "transaction-left-open",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "BEGIN without a COMMIT or ROLLBACK",
    .what = "Reports the last BEGIN (or START TRANSACTION) of a block when neither that block nor any later block "
            "of the runbook contains COMMIT, END, ROLLBACK or ABORT.",
    .why = "An open transaction keeps its row and table locks and holds back vacuum. When the reader does not "
           "know to finish it, the session idles in transaction and blocks others.",
    .instead = "Finish the transaction in the same block, or give the COMMIT/ROLLBACK its own step after the check.",
    .bad = {"# Fix\n\n```sql\nBEGIN;\nUPDATE orders SET state = 'failed' WHERE id = 42;\n```\n", 4, 1},
    .good = {"# Fix\n\n```sql\nBEGIN;\nUPDATE orders SET state = 'failed' WHERE id = 42;\n```\n\nThen:\n\n```sql\nCOMMIT;\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
