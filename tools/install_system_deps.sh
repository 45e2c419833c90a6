#!/usr/bin/env bash
# System packages the test suite needs, from Debian's archive (`make test` and .ci/run call this).
# Idempotent: only what is missing is installed; nothing happens when all are there.
set -euo pipefail

need_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if ((${#missing[@]})); then
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "install_system_deps: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

# Headless browser for tests/browser (the /query editor and the resource pages).
need_packages chromium

# roqet, a SPARQL Protocol client, for tests/http/test_clients.py.
need_packages rasqal-utils

# A Java runtime for the HermiT reasoner (eitkg check-ontology, tests/reasoning).
command -v java >/dev/null 2>&1 || need_packages default-jre-headless

# Node.js and npm to bundle the front-end packages (tools/build_assets.sh).
command -v npm >/dev/null 2>&1 || need_packages nodejs npm
