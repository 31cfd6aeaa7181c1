#!/usr/bin/env bash
# Builds a native installer or app image of the workbench with the JDK's jpackage.
#   packaging/jpackage.sh [app-image|deb|rpm|dmg|msi]   (default: app-image)
# The image launches `quarry gui`; the command line stays available as `java -jar quarry.jar`.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
[ -f target/quarry.jar ] || mvn -q -DskipTests package
staging=target/jpackage-input
rm -rf "$staging" target/installer
mkdir -p "$staging"
cp target/quarry.jar "$staging/"
cp -r datasets "$staging/"
jpackage --type "$type" \
  --name Quarry \
  --app-version "$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)" \
  --vendor "Quarry" \
  --description "Workbench for finding model-extraction campaigns in API logs" \
  --license-file LICENSE \
  --input "$staging" \
  --main-jar quarry.jar \
  --main-class dev.quarry.app.Main \
  --arguments gui \
  --java-options "-Xmx4g" \
  --dest target/installer
echo "written to target/installer"
