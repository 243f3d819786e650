// Danger rules over kubectl, oc and helm (RB275-RB281).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB275 kubectl-delete-broad and RB276 kubectl-delete split the deletes") {
  auto r = lint(bash("kubectl delete namespace staging\n"
                     "oc delete pvc data-0 -n prod\n"
                     "kubectl -n prod delete pods --all\n"
                     "kubectl delete pod p -n prod --grace-period=0 --force\n"
                     "kubectl delete pod api-1 -n prod\n"
                     "kubectl delete -f job.yaml\n"
                     "kubectl get pods -A\n"
                     "kubectl describe ns prod\n"
                     "kubectl delete pod api-1 --dry-run=client\n"
                     "kubectl delete pods -l app=api -n prod\n"
                     "oc delete po/api-2 po/api-3\n"
                     "kubectl delete deploy/api\n"));
  CHECK(positions(r, "RB275") == list({"4:16", "5:11", "6:29", "7:47"}));
  // Named pods (line 8, 14) are how a stuck pod is restarted; a selector takes every pod of the app.
  CHECK(positions(r, "RB276") == list({"9:9", "13:9", "15:9"}));
  CHECK(positions(r, "RB297") == list({"8:1", "14:1"}));  // as disruptive notes
  CHECK(test::with_code(r, "RB297")[0].severity == Severity::note);
}

TEST_CASE("RB277 drain, RB278 scale to zero, RB279 rollout undo") {
  auto r = lint(bash("kubectl drain node-1 --ignore-daemonsets\n"
                     "kubectl cordon node-1\n"
                     "kubectl scale deploy/api --replicas 0\n"
                     "kubectl scale deploy/api --replicas=2\n"
                     "kubectl rollout undo deploy/api\n"
                     "kubectl rollout status deploy/api\n"));
  CHECK(positions(r, "RB277") == list({"4:9"}));
  CHECK(positions(r, "RB278") == list({"6:26"}));
  CHECK(positions(r, "RB279") == list({"8:9"}));
}

TEST_CASE("RB280 helm-uninstall and RB281 helm-rollback") {
  auto r = lint(bash("helm uninstall api -n prod\nhelm delete --purge api\nhelm rollback api 3\nhelm history api\n"
                     "helm upgrade api chart/\n"));
  CHECK(positions(r, "RB280") == list({"4:6", "5:6"}));
  CHECK(positions(r, "RB281") == list({"6:6"}));
}
