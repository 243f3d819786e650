// Danger rules over host shell commands (RB201-RB210): each fires on the
// dangerous word at its exact position, and look-alikes stay quiet.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB201 rm-recursive-system-path: flags in any spelling, system paths only") {
  auto r = lint(bash("rm -rf /\n"
                     "sudo rm -fr /etc/\n"
                     "rm -r -f ~\n"
                     "rm --recursive --force /var/*\n"
                     "ssh web-1 'rm -Rf /home'\n"
                     "rm -rf --no-preserve-root /tmp/x\n"
                     "rm -f /tmp/one-file\n"
                     "rm -rf /var/lib/myapp/cache\n"
                     "rm /etc/nginx/sites-enabled/default\n"
                     "echo rm -rf /\n"
                     "# rm -rf /\n"));
  CHECK(positions(r, "RB201") == list({"4:8", "5:13", "6:10", "7:24", "8:19", "9:8"}));
}

TEST_CASE("RB201 fires in untagged blocks recognised as shell") {
  auto r = lint("# Cleanup\n\n```\nsudo rm -rf /usr\n```\n");
  CHECK(positions(r, "RB201") == list({"4:13"}));
}

TEST_CASE("RB202 rm-recursive-unguarded-variable: $VAR/ from outside the step") {
  auto r = lint(bash("rm -rf \"$DIR\"/\n"
                     "rm -rf $DIR/*\n"
                     "rm -rf ${DIR}/cache\n"
                     "rm -rf \"${DIR:?}\"/\n"
                     "rm -rf \"${DIR:-/tmp/x}\"/\n"
                     "rm -rf \"$DIR\"\n"
                     "rm -f \"$DIR\"/x\n"));
  CHECK(positions(r, "RB202") == list({"4:8", "5:8", "6:8"}));
  // A variable the block sets itself is visible to the reader.
  CHECK(positions(lint(bash("WORK=/tmp/build\nrm -rf \"$WORK\"/*\n")), "RB202") == none);
}

TEST_CASE("RB203 curl-pipe-shell: pipes, process substitution and sh -c") {
  auto r = lint(bash("curl -fsSL https://x.example/i.sh | bash\n"
                     "wget -qO- https://x.example/i.sh | sudo sh -s -- --yes\n"
                     "bash <(curl -s https://x.example/i.sh)\n"
                     "sh -c \"$(curl -fsSL https://x.example/i.sh)\"\n"
                     "curl -s https://api.example/health | jq .\n"
                     "curl -o i.sh https://x.example/i.sh\n"
                     "cat local.sh | bash\n"));
  CHECK(positions(r, "RB203") == list({"4:37", "5:41", "6:6", "7:8"}));
}

TEST_CASE("RB204 dd-to-device") {
  auto r = lint(bash("dd if=backup.img of=/dev/xvdf bs=4M\n"
                     "dd if=/dev/zero of=/dev/null count=1\n"
                     "dd if=/dev/sda of=disk.img\n"));
  CHECK(positions(r, "RB204") == list({"4:18"}));
}

TEST_CASE("RB204: of=$VAR when the block sets it to a device or its name says so, not other variables") {
  auto r = lint(bash("TARGET=\"/dev/sdX\"\n"
                     "dd if=/dev/zero of=\"$TARGET\" bs=1K count=200\n"
                     "dd if=/dev/zero of=$DISK bs=1M count=1\n"
                     "dd if=/dev/zero of=${BACKUP_FILE} bs=1M count=1\n"));
  CHECK(positions(r, "RB204") == list({"5:17", "6:17"}));
}

TEST_CASE("RB205 format-filesystem: mkfs variants and wipefs -a, not wipefs listing") {
  auto r = lint(bash("mkfs -t ext4 /dev/sdb1\nsudo mkfs.xfs /dev/nvme2n1\nwipefs -a /dev/sdb\nwipefs /dev/sdb\nlsblk -f\n"));
  CHECK(positions(r, "RB205") == list({"4:1", "5:6", "6:1"}));
}

TEST_CASE("RB206 chmod-recursive-world-writable") {
  auto r = lint(bash("chmod -R 777 /srv/app\nchmod --recursive a+rwx data\nchmod 777 /\nchmod 777 run.sh\nchmod -R 755 /srv/app\n"));
  CHECK(positions(r, "RB206") == list({"4:10", "5:19", "6:7"}));
}

TEST_CASE("RB207 host-reboot: reboot, shutdown, systemctl reboot, init 6; not shutdown -c or restarts") {
  auto r = lint(bash("sudo reboot\nshutdown -r now\nsystemctl reboot\ninit 6\nshutdown -c\nsystemctl restart nginx\n"
                     "aws ec2 describe-instances\n"));
  CHECK(positions(r, "RB207") == list({"4:6", "5:1", "6:11", "7:6"}));
}

TEST_CASE("RB208 find-delete and RB209 xargs-rm") {
  auto r = lint(bash("find /var/tmp -mtime +3 -delete\n"
                     "find . -name '*.tmp' -exec rm -f {} \\;\n"
                     "find . -name '*.tmp' -print\n"
                     "find . -name '*.tmp' | xargs -0 rm -rf\n"
                     "find . -name '*.tmp' | xargs ls -l\n"));
  CHECK(positions(r, "RB208") == list({"4:25", "5:28"}));
  CHECK(positions(r, "RB209") == list({"7:33"}));
}

TEST_CASE("RB210 kill-every-process: kill -1 as pid, killall unless a reload signal") {
  auto r = lint(bash("kill -9 -1\nkill -- -1\nkill -1 1234\nkill -9 4321\nkillall java\nkillall -HUP nginx\n"));
  CHECK(positions(r, "RB210") == list({"4:9", "5:9", "8:1"}));
}
