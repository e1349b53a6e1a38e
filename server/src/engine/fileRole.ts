/**
 * What a file is for, from its path alone: production code and configuration, or something around it
 * (tests and their mocks and data, documentation, samples, translation bundles). A finding's weight depends
 * on it: a URL in a unit test's assertion or a patient in an i18n bundle is not what it would be in a service.
 */
export type FileRole = 'production' | 'test' | 'documentation' | 'sample' | 'translation';

/** How much a finding counts in a file of a role: as the rule says, at `info`, or not at all. */
export type FileRoleTreatment = 'report' | 'info' | 'skip';
export type FileRoleTreatments = Partial<Record<Exclude<FileRole, 'production'>, FileRoleTreatment>>;

/**
 * Tests and samples run nowhere near patients: what they hold is listed at `info` unless the rule says
 * otherwise or the hit is strong. Documentation and translation bundles are reported as written unless the
 * rule says otherwise (a runbook's `curl -k` is a real instruction; an incident write-up may hold a record).
 */
const DEFAULT_TREATMENT: FileRoleTreatments = { test: 'info', sample: 'info' };

/** How a rule's finding counts in a file of a role: the configuration's word first, then the rule's, then the default. */
export function treatmentIn(role: FileRole, ruleTreatments: FileRoleTreatments | undefined, configured?: FileRoleTreatments): FileRoleTreatment {
  if (role === 'production') return 'report';
  return configured?.[role] ?? ruleTreatments?.[role] ?? DEFAULT_TREATMENT[role] ?? 'report';
}

/** Folders whose contents are tests or test data (`src/test/java`, `__mocks__`, `Foo.Tests.E2E`, `testdata`). */
const TEST_DIR = /^(?:tests?|__tests__|__mocks__|mocks?|specs?|e2e|integration-tests?|testing|test[-_]?data|test[-_]?files|test[-_]?resources|fixtures?|__fixtures__|testutils?|test[-_]?helpers?)$|[.\-_](?:unit|integration|functional|e2e)?tests?(?:[.\-_]|$)/i;
/** File names of tests and mocks in the usual conventions of each ecosystem. */
const TEST_FILE =
  /(?:^|[._-])(?:test|tests|spec|specs|mock|mocks|fixture|fixtures|stub|stubs)\.[\w.]+$|^test_[\w-]+\.py$|_test\.(?:go|py|rb|exs?)$|_spec\.rb$|(?:Tests?|Spec|IT|Mock|Fixture)\.(?:java|kt|cs|scala|groovy|swift|php|ts|js)$|^conftest\.py$/;
const DOC_DIR = /^(?:docs?|documentation|wiki|manual|guides?|site)$/i;
const DOC_FILE = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt|textile|rdoc|pod|tex)$/i;
const SAMPLE_DIR = /^(?:samples?|examples?|demos?|sample[-_]?data|example[-_]?data|tutorials?|quickstarts?|playground)$/i;
/** REST client request collections (`.http`, `.rest`): requests written by hand to try a server. */
const SAMPLE_FILE = /\.(?:http|rest)$/i;
const TRANSLATION_DIR = /^(?:i18n|l10n|locales?|translations?|lang|langs)$/i;
const TRANSLATION_FILE = /^(?:messages|strings|resources?|labels?|localizable)(?:[_.-][\w-]+)?\.(?:properties|resx|strings|po|pot|xlf|xliff|arb)$|\.(?:po|pot|xlf|xliff)$/i;

/**
 * The role of a file given its path relative to the scan root. Documentation inside a test folder is test
 * material; a sample's own tests are tests: the first matching role in order test, translation, sample,
 * documentation wins.
 */
export function fileRoleOf(file: string): FileRole {
  const parts = file.split('/');
  const name = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  if (TEST_FILE.test(name) || dirs.some((d) => TEST_DIR.test(d))) return 'test';
  if (TRANSLATION_FILE.test(name) || dirs.some((d) => TRANSLATION_DIR.test(d)) || isAndroidStrings(name, dirs)) return 'translation';
  if (SAMPLE_FILE.test(name) || packageDirs(dirs).some((d) => SAMPLE_DIR.test(d))) return 'sample';
  if (DOC_FILE.test(name) || dirs.some((d) => DOC_DIR.test(d)) || /^(?:readme|changelog|changes|history|contributing|license|notice|authors)(?:\.|$)/i.test(name)) return 'documentation';
  return 'production';
}

/**
 * The folders of a path that can name a sample: not the package folders of a main source set
 * (`src/main/java/com/example/demo/` is the package `com.example.demo`, production code).
 */
function packageDirs(dirs: string[]): string[] {
  const main = dirs.findIndex((d, i) => d === 'src' && dirs[i + 1] === 'main' && /^(?:java|kotlin|scala|groovy)$/.test(dirs[i + 2] ?? ''));
  return main < 0 ? dirs : dirs.slice(0, main);
}

/** Android string resources: `strings.xml` in `res/values` or `res/values-fr`. */
function isAndroidStrings(name: string, dirs: string[]): boolean {
  return name === 'strings.xml' && /^values(?:-[\w-]+)?$/.test(dirs[dirs.length - 1] ?? '');
}
