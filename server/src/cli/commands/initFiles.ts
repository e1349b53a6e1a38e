/** The files `hdguard init` writes, relative to the project's folder. */
export interface InitFile {
  path: string;
  content: string;
  executable?: boolean;
}

const CONFIG = `# Health Data Guard (hdguard) configuration. Every key is optional; \`hdguard rules\` lists the rule ids.
rules:
  # Rules to turn off, by id:
  disable: []
  # Severity overrides (error | warning | info), by id, e.g. transport.cleartext-url: error
  severity: {}

# Files to skip: globs relative to this folder (.gitignore and .hdguardignore are honoured as well).
exclude: []

# Larger files are skipped and listed as such.
maxFileSize: 2MB

# Values recognised as synthetic test data (fake patients, documented test ranges):
# ignore (default), info (reported at info severity) or report.
# Countries whose national identifiers are looked for (default: all): us fr uk nl be de ca au it es se in.
# patientData:
#   syntheticData: ignore
#   identifierSets: [fr, be]

# How findings in tests, samples, documentation and translation bundles count: report, info or skip
# (default: tests and samples at info, the others as each rule says).
# fileRoles:
#   test: info
`;

const IGNORE = `# Files Health Data Guard skips, in .gitignore syntax (on top of .gitignore). For example, synthetic
# data sets that have been reviewed:
# test/fixtures/synthetic-patients/
`;

const HOOK = `#!/bin/sh
# Health Data Guard pre-commit hook: refuses a commit whose changed files have findings at warning or above.
# Enable it with: git config core.hooksPath .githooks   (skip it once with: git commit --no-verify)
if command -v hdguard >/dev/null 2>&1; then
  set -- hdguard
else
  set -- npx --no-install hdguard
fi
if [ -f .hdguard-baseline.json ]; then set -- "$@" scan --baseline .hdguard-baseline.json; else set -- "$@" scan; fi
# Before the first commit there is nothing to compare with: scan everything.
if git rev-parse --verify --quiet HEAD >/dev/null; then
  exec "$@" --changed-since HEAD
fi
exec "$@"
`;

const WORKFLOW = `# Health Data Guard: scans the repository and uploads the findings to GitHub code scanning.
name: Health Data Guard

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  security-events: write

jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # hdguard makes no network connection; only this step downloads it.
      - name: Install hdguard
        run: npm install --global health-data-guard
      - name: Scan
        # Add --baseline .hdguard-baseline.json to fail only on findings that are not in the baseline.
        run: hdguard scan . --format sarif --output hdguard.sarif
      - name: Upload to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: hdguard.sarif
          category: hdguard
`;

export const INIT_FILES: InitFile[] = [
  { path: '.hdguard.yaml', content: CONFIG },
  { path: '.hdguardignore', content: IGNORE },
  { path: '.githooks/pre-commit', content: HOOK, executable: true },
  { path: '.github/workflows/hdguard.yml', content: WORKFLOW },
];
