#!/usr/bin/env bash
# The collector image's runtime, assembled from the build host (no base image, no registry):
#   <out>/opt/java  a Java runtime made by jlink from the JDK that runs the build, with only the modules the collector
#                   uses (and the default CDS archive, so that the JVM and the health probe start quickly)
#   <out>/lib…      the C libraries that runtime links against (the dynamic loader, libc, libm, libz, libstdc++,
#                   libgcc_s: whatever ldd names), copied from the build host as they are
#   <out>/usr/lib/locale  glibc's C.UTF-8 locale (the image sets LANG=C.UTF-8)
#   <out>/tmp       an empty /tmp (world-writable in the image)
# Usage: runtime.sh JAVA_HOME OUT MODULES   (MODULES comma-separated). Re-running with the same inputs does nothing.
set -euo pipefail

java_home=$1
out=$2
modules=$3

die() { echo "runtime.sh: $*" >&2; exit 1; }
[ -x "$java_home/bin/jlink" ] || die "no jlink in $java_home: the image needs a full JDK (not a JRE) to build"
command -v ldd >/dev/null || die "no ldd on this host: cannot tell which C libraries the Java runtime needs"

inputs="$java_home|$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | grep -E '^ +java\.(vm\.)?version =' | tr -d ' ')|$modules|$(sha256sum "$0" | cut -c1-64)"
if [ -f "$out.inputs" ] && [ -d "$out" ] && [ "$(cat "$out.inputs")" = "$inputs" ]; then
  echo "runtime.sh: $out is up to date"
  exit 0
fi

rm -rf "$out" "$out.inputs"
mkdir -p "$out/opt"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,de,fr \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out/opt/java"
# only the java launcher; the archive for heaps over 32 GB is never used
find "$out/opt/java/bin" -type f ! -name java -delete
rm -f "$out/opt/java/lib/server/classes_nocoops.jsa" "$out/opt/java/lib/jexec"

# every shared library the runtime's programs and libraries need from outside the runtime (ldd also names the dynamic
# loader), copied to the same path; "not found" is fine only for the runtime's own libraries (libjvm.so, found by path)
needs=$(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/java' \) -print0 | xargs -0 -n1 ldd 2>/dev/null || true)
libraries=$(echo "$needs" | awk -v jre="$out/opt/java" '
    /not found/ { next }
    /=> \// { if (index($3, jre) != 1) print $3; next }
    /^[ \t]*\// { print $1 }' | sort -u)
[ -n "$libraries" ] || die "ldd named no C library for $out/opt/java/bin/java"
for lib in $libraries; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
for name in $(echo "$needs" | awk '/not found/ { print $1 }' | sort -u); do
  [ -n "$(find "$out/opt/java" -name "$name" -print -quit)" ] \
    || die "$name is needed by the Java runtime but is found neither in it nor on this host"
done

# glibc's C.UTF-8 locale, so that LANG=C.UTF-8 makes Java print UTF-8 (musl needs no locale files)
if ! echo "$libraries" | grep -q musl; then
  locale=$(ls -d /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8 2>/dev/null | head -n1 || true)
  [ -n "$locale" ] || die "no C.UTF-8 locale on this host (/usr/lib/locale/C.utf8): Java in the image would print ASCII only"
  mkdir -p "$out/usr/lib/locale"
  cp -rL "$locale" "$out/usr/lib/locale/"
fi

mkdir -p "$out/tmp"
echo "$inputs" > "$out.inputs"
echo "runtime.sh: $(du -sh "$out" | cut -f1) in $out ($(echo "$libraries" | wc -w) C libraries from this host)"
