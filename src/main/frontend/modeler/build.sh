#!/bin/sh
# Rebuilds the web modeler's bundle of bpmn.io libraries from package-lock.json
# (decision 0018). Run it after changing a version in package.json; commit the
# lock file and the bundle together. ModelerBundleTests checks that they match.
set -eu
cd "$(dirname "$0")"
out=../../resources/static/greenlight/modeler/vendor
npm ci --ignore-scripts --no-audit --no-fund
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
rm -rf "$out"
mkdir -p "$out"
banner="/* Greenlight web modeler libraries, built by src/main/frontend/modeler/build.sh from package-lock.json sha256:$lock */"
npx esbuild index.js --bundle --format=esm --minify --target=es2022 \
  --legal-comments=none --charset=utf8 --banner:js="$banner" \
  --metafile=node_modules/.meta.json --outfile="$out/modeler-libraries.js"
node licenses.mjs node_modules/.meta.json "$out/THIRD-PARTY-LICENSES.txt"
npx esbuild styles.css --bundle --minify --legal-comments=none --banner:css="$banner" \
  --loader:.woff=file --loader:.woff2=file --loader:.ttf=file --loader:.eot=file --loader:.svg=file \
  --asset-names=[name]-[hash] --outfile="$out/modeler-libraries.css"
ls -l "$out"
