import * as path from 'node:path';

/** The lexical family decides how code, strings and comments are told apart. */
export type LexFamily =
  | 'c-like'
  | 'python'
  | 'hash'
  | 'shell'
  | 'xml'
  | 'sql'
  | 'yaml'
  | 'json'
  | 'ini'
  | 'hcl'
  | 'markdown'
  | 'lua'
  | 'plain';

export interface LanguageInfo {
  id: string;
  family: LexFamily;
}

const FAMILY: Record<string, LexFamily> = {
  javascript: 'c-like',
  typescript: 'c-like',
  java: 'c-like',
  kotlin: 'c-like',
  scala: 'c-like',
  groovy: 'c-like',
  csharp: 'c-like',
  go: 'c-like',
  rust: 'c-like',
  swift: 'c-like',
  c: 'c-like',
  cpp: 'c-like',
  objectivec: 'c-like',
  dart: 'c-like',
  php: 'c-like',
  css: 'c-like',
  scss: 'c-like',
  less: 'c-like',
  python: 'python',
  ruby: 'hash',
  perl: 'hash',
  r: 'hash',
  elixir: 'hash',
  powershell: 'hash',
  shellscript: 'shell',
  dockerfile: 'shell',
  makefile: 'shell',
  dotenv: 'shell',
  xml: 'xml',
  html: 'xml',
  plist: 'xml',
  sql: 'sql',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  ipynb: 'json',
  properties: 'ini',
  ini: 'ini',
  toml: 'ini',
  hcl: 'hcl',
  nginx: 'shell',
  apache: 'shell',
  markdown: 'markdown',
  lua: 'lua',
  hl7: 'plain',
  csv: 'plain',
  plaintext: 'plain',
};

const BY_EXTENSION: Record<string, string> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescript',
  '.java': 'java', '.kt': 'kotlin', '.kts': 'kotlin', '.scala': 'scala', '.groovy': 'groovy', '.gradle': 'groovy',
  '.cs': 'csharp', '.go': 'go', '.rs': 'rust', '.swift': 'swift',
  '.c': 'c', '.h': 'c', '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.m': 'objectivec', '.mm': 'objectivec',
  '.dart': 'dart', '.php': 'php', '.css': 'css', '.scss': 'scss', '.less': 'less',
  '.py': 'python', '.pyw': 'python', '.rb': 'ruby', '.pl': 'perl', '.pm': 'perl', '.r': 'r', '.ex': 'elixir', '.exs': 'elixir',
  '.ps1': 'powershell', '.psm1': 'powershell',
  '.sh': 'shellscript', '.bash': 'shellscript', '.zsh': 'shellscript', '.ksh': 'shellscript',
  '.xml': 'xml', '.xsd': 'xml', '.xsl': 'xml', '.xslt': 'xml', '.wsdl': 'xml', '.config': 'xml', '.csproj': 'xml',
  '.html': 'html', '.htm': 'html', '.vue': 'html', '.svelte': 'html', '.cshtml': 'html', '.jsp': 'html',
  '.plist': 'plist', '.sql': 'sql', '.yaml': 'yaml', '.yml': 'yaml',
  '.json': 'json', '.jsonc': 'jsonc', '.ipynb': 'ipynb',
  '.properties': 'properties', '.ini': 'ini', '.cfg': 'ini', '.conf': 'ini', '.toml': 'toml',
  '.tf': 'hcl', '.tfvars': 'hcl', '.hcl': 'hcl',
  '.md': 'markdown', '.markdown': 'markdown', '.lua': 'lua',
  '.hl7': 'hl7', '.csv': 'csv', '.tsv': 'csv', '.txt': 'plaintext', '.log': 'plaintext',
};

const BY_NAME: Record<string, string> = {
  dockerfile: 'dockerfile',
  makefile: 'makefile',
  'nginx.conf': 'nginx',
  'httpd.conf': 'apache',
  'apache2.conf': 'apache',
  '.htaccess': 'apache',
  'web.config': 'xml',
  'androidmanifest.xml': 'xml',
  'info.plist': 'plist',
  'jenkinsfile': 'groovy',
  '.gitlab-ci.yml': 'yaml',
  '.npmrc': 'ini',
  '.curlrc': 'shellscript',
  '.wgetrc': 'shellscript',
  '.bashrc': 'shellscript',
  '.profile': 'shellscript',
};

/** Detects the language of a file from its name alone; unknown files are plain text. */
export function detectLanguage(filePath: string): LanguageInfo {
  const base = path.basename(filePath).toLowerCase();
  const dirs = filePath.toLowerCase().split(/[\\/]/);
  let id = BY_NAME[base];
  if (!id) {
    if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) id = 'dotenv';
    else if (base.startsWith('dockerfile') || base.endsWith('.dockerfile')) id = 'dockerfile';
    else if (dirs.includes('nginx') && base.endsWith('.conf')) id = 'nginx';
    else if ((dirs.includes('apache2') || dirs.includes('httpd')) && base.endsWith('.conf')) id = 'apache';
    else if (base.endsWith('.conf') && /nginx|site/.test(base)) id = 'nginx';
    else id = BY_EXTENSION[path.extname(base)] ?? 'plaintext';
  }
  return { id, family: FAMILY[id] ?? 'plain' };
}

export function familyOf(languageId: string): LexFamily {
  return FAMILY[languageId] ?? 'plain';
}

export function isKnownLanguage(languageId: string): boolean {
  return languageId in FAMILY;
}

export const LANGUAGE_IDS = Object.keys(FAMILY);

/** A representative file name for a language id, for rule examples written without one. */
export function sampleFileName(languageId: string): string {
  for (const [ext, id] of Object.entries(BY_EXTENSION)) if (id === languageId) return `example${ext}`;
  for (const [name, id] of Object.entries(BY_NAME)) if (id === languageId) return name;
  if (languageId === 'dotenv') return '.env';
  return 'example.txt';
}
