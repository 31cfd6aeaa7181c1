#!/usr/bin/env bash
# Smoke test of the installed application, run by CI after `mvn verify`: builds the image and the .deb
# with `mvn -Pinstaller package`, then, through the image's own launcher and with no Java on the PATH
# (as root, the system's JDKs are also hidden in a private mount namespace), checks `--version` and a
# headless ingest + analyze + export of the bundled sample, the log file, and the .deb's metadata.
#   packaging/smoke-test.sh            build, then test
#   SMOKE_SKIP_BUILD=1 packaging/smoke-test.sh   test the image already in target/installer
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
step() { echo "[$((SECONDS - started)) s] $*"; }

if [ "${SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  step "building the image and the .deb (mvn -Pinstaller package)"
  # this .deb is only inspected, never shipped: gzip -1 instead of xz saves minutes on a busy machine
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1} \
    mvn -B -q -Pinstaller -DskipTests package
fi
image=target/installer/image/Quarry
launcher=$image/bin/Quarry
[ -x "$launcher" ] || fail "no launcher at $launcher"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
image_mb=$(du -sm "$image" | cut -f1)
step "image $image: ${image_mb} MB"
[ "$image_mb" -lt 110 ] || fail "image is ${image_mb} MB, the goal is under 110 MB"
ls "$image"/lib/runtime/lib/libsqlitejdbc.so >/dev/null || fail "SQLite's native library is not in the runtime"
if unzip -l "$image/lib/app/quarry.jar" | grep -q 'org/sqlite/native/'; then fail "other platforms' SQLite natives are in the jar"; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
# A user with no Java: empty environment, no java on the PATH, and (when we may) no JDK on the disk.
hide_jdks=()
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && [ -d /usr/lib/jvm ] \
    && unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm' 2>/dev/null; then
  hide_jdks=(unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm && exec "$@"' sh)
fi
quarry() {
  "${hide_jdks[@]}" env -i HOME="$work/home" XDG_STATE_HOME="$work/state" PATH=/nonexistent LANG=C.UTF-8 "$launcher" "$@"
}
[ ${#hide_jdks[@]} -gt 0 ] && step "running with /usr/lib/jvm hidden" || step "running without java on the PATH"

out=$(quarry --version) || fail "--version exited $?"
[ "$out" = "quarry $version" ] || fail "--version printed '$out', expected 'quarry $version'"
step "--version: $out"

case_file="$work/sample.quarry"
out=$(quarry ingest "$case_file" datasets/sample/accounts.csv datasets/sample/events.csv.gz 2>&1) || fail "ingest exited $?: $out"
echo "$out" | tail -4
echo "$out" | grep -q "rejected" || fail "ingest printed no summary"
step "ingest done"
out=$(quarry analyze "$case_file" 2>&1) || fail "analyze exited $?: $out"
echo "$out" | tail -3
step "analyze done"
out=$(quarry export "$case_file" --csv "$work/packet" 2>&1) || fail "export exited $?: $out"
step "export done"
accounts=$(($(wc -l < datasets/sample/accounts.csv) - 1))
# account_id, risk_score, flagged lead every row (text cells quoted); a quoted reason may span lines, so rows are counted by that start
exported=$(grep -cE '^"?[^,"]+"?,"?[0-9.]+"?,"?(true|false)"?,' "$work/packet/accounts.csv" || true)
[ "$exported" -eq "$accounts" ] || fail "accounts.csv has $exported rows, the sample has $accounts accounts"
flagged=$(grep -cE '^"?[^,"]+"?,"?[0-9.]+"?,"?true"?,' "$work/packet/accounts.csv" || true)
[ "$flagged" -gt 0 ] && [ "$flagged" -lt "$accounts" ] || fail "$flagged of $accounts accounts flagged; the sample has planted campaigns among ordinary accounts"
[ -s "$work/packet/campaigns.csv" ] && [ -s "$work/packet/manifest.json" ] || fail "campaigns.csv or manifest.json missing"
step "packet: $exported accounts, $flagged flagged"

if quarry ingest "$work/missing.quarry" "$work/no-such-file.csv" 2>"$work/err"; then fail "ingest of a missing file succeeded"; fi
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "a failed command printed more than one line: $(cat "$work/err")"
log="$work/state/quarry/logs/quarry-0.log"
[ -s "$log" ] || fail "no log at $log"
grep -q "Quarry $version export on Java" "$log" || fail "the log does not record the export command"
step "log file $log written"

deb=$(ls target/installer/package/quarry_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ]; then
  depends=$(dpkg-deb -f "$deb" Depends)
  for library in libgtk-3-0 libxtst6 fonts-dejavu-core xdg-utils; do
    echo "$depends" | grep -q "$library" || fail ".deb does not depend on $library"
  done
  contents=$(dpkg-deb -c "$deb")
  grep -q './opt/quarry/bin/Quarry$' <<<"$contents" || fail ".deb has no /opt/quarry/bin/Quarry"
  grep -q 'quarry-Quarry-MimeInfo.xml' <<<"$contents" || fail ".deb does not register the .quarry file type"
  desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/quarry/lib/quarry-Quarry.desktop)
  grep -q '^Exec=/opt/quarry/bin/Quarry %f$' <<<"$desktop" || fail "the menu entry does not pass the opened .quarry file"
  grep -q 'ln -sf /opt/quarry/bin/Quarry /usr/bin/quarry' <<<"$(dpkg-deb -I "$deb" postinst)" || fail ".deb does not put quarry on the PATH"
  step "$(basename "$deb"): $(( $(stat -c %s "$deb") / 1048576 )) MB, installed $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB, depends on GTK 3"
fi
step "smoke test passed"
