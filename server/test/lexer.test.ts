import * as assert from 'node:assert/strict';
import { lex } from '../src/engine/lexer';
import type { Scope } from '../src/engine';

/**
 * Checks the scope of every character of each marked piece of text. Pieces are found by their first
 * occurrence, so each must be unique in the text.
 */
function check(languageId: string, text: string, expected: Array<[piece: string, scope: Scope]>): void {
  const map = lex(text, languageId);
  for (const [piece, scope] of expected) {
    const at = text.indexOf(piece);
    assert.ok(at >= 0 && text.indexOf(piece, at + 1) < 0, `'${piece}' must occur once in the text`);
    const got = [...piece].map((_, i) => map.scopeAt(at + i));
    const wrong = got.findIndex((s) => s !== scope);
    assert.equal(wrong, -1, `${languageId}: '${piece}' should be ${scope}, but '${piece.slice(wrong)}' is ${got[wrong]}\n${text}`);
  }
}

describe('lexer', () => {
  describe('C-like', () => {
    it('line and block comments, strings and escapes', () => {
      check('javascript', 'const a = "x\\"y // no"; // yes\n/* block\n still */ b = \'q\' + c;', [
        ['const a = ', 'code'],
        ['"x\\"y // no"', 'string'],
        ['// yes', 'comment'],
        ['/* block\n still */', 'comment'],
        [" b = ", 'code'],
        ["'q'", 'string'],
        [' + c;', 'code'],
      ]);
    });

    it('a string ending in an escaped backslash closes', () => {
      check('java', 'a = "dir\\\\" + b; // c', [['"dir\\\\"', 'string'], [' + b; ', 'code'], ['// c', 'comment']]);
    });

    it('template literals span lines', () => {
      check('typescript', 'const q = `select\n  ${x} from t`;\nlet y = 1;', [['`select\n  ${x} from t`', 'string'], ['let y = 1;', 'code']]);
    });

    it('C# verbatim strings double their quotes', () => {
      check('csharp', 'var p = @"C:\\dir ""x""\nmore"; var q = 1;', [['@"C:\\dir ""x""\nmore"', 'string'], [' var q = 1;', 'code']]);
    });

    it('an unterminated string ends at the end of its line', () => {
      check('javascript', 'x = "open\ny = 2; // c', [['"open', 'string'], ['y = 2; ', 'code'], ['// c', 'comment']]);
    });

    it('slashes inside strings are not comments', () => {
      check('go', 'u := "http://host/x" // note', [['"http://host/x"', 'string'], ['// note', 'comment']]);
    });
  });

  describe('Python', () => {
    it('# comments, triple-quoted strings over lines, single-quoted strings', () => {
      check('python', 'doc = """first\n# not a comment\n"""  # real\nx = \'it\' + "s"', [
        ['"""first\n# not a comment\n"""', 'string'],
        ['# real', 'comment'],
        ["'it'", 'string'],
        [' + ', 'code'],
        ['"s"', 'string'],
      ]);
      check('python', "s = '''a\nb'''\ny = 1", [["'''a\nb'''", 'string'], ['y = 1', 'code']]);
    });

    it('a # inside a string is not a comment; an unterminated string ends at the line end', () => {
      check('python', "a = 'x # y'\nb = 'open\nc = 3", [["'x # y'", 'string'], ["'open", 'string'], ['c = 3', 'code']]);
    });
  });

  describe('shell', () => {
    it('# starts a comment only at a line start or after white space', () => {
      check('shellscript', '# top\ncurl http://a#frag # fetch\necho "#x" \'#y\'', [
        ['# top', 'comment'],
        ['curl http://a#frag ', 'code'],
        ['# fetch', 'comment'],
        ['"#x"', 'string'],
        ["'#y'", 'string'],
      ]);
    });

    it('dotenv and Dockerfiles lex as shell', () => {
      check('dotenv', 'URL=http://h/p#x # note', [['URL=http://h/p#x ', 'code'], ['# note', 'comment']]);
      check('dockerfile', 'RUN curl "http://h" # c', [['"http://h"', 'string'], ['# c', 'comment']]);
    });
  });

  describe('YAML', () => {
    it('# comments after white space only; quotes only where a value starts', () => {
      check('yaml', "a: it's fine # note\nb: 'q''s'\nc: \"d # e\"\nd: x#y\ne: He said \"hi\"\n- 'item'\nf: ['x', \"y\"]\n", [
        ['a: it', 'code'],
        ["'s fine ", 'code'],
        ['# note', 'comment'],
        ["'q''s'", 'string'],
        ['"d # e"', 'string'],
        ['d: x#y', 'code'],
        ['e: He said "hi"', 'code'],
        ["'item'", 'string'],
        ["'x'", 'string'],
        ['"y"', 'string'],
      ]);
    });
  });

  describe('SQL', () => {
    it("'' escapes, -- and /* */ comments, quoted identifiers", () => {
      check('sql', "select 'it''s -- not' as \"col\" -- yes\n/* c */ from t", [
        ["'it''s -- not'", 'string'],
        [' as ', 'code'],
        ['"col"', 'string'],
        ['-- yes', 'comment'],
        ['/* c */', 'comment'],
        [' from t', 'code'],
      ]);
    });
  });

  describe('XML and HTML', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE note SYSTEM "http://dtd.host/note.dtd">\n<!-- a <b> comment -->\n' +
      '<note to=\'Tove\' href="v">body text<![CDATA[raw <data>]]></note>';
    it('comments, attribute values, text, CDATA and DOCTYPE', () => {
      check('xml', xml, [
        ['<?xml version=', 'code'],
        ['"1.0"', 'string'],
        ['<!DOCTYPE note SYSTEM ', 'code'],
        ['"http://dtd.host/note.dtd"', 'string'],
        ['<!-- a <b> comment -->', 'comment'],
        ['<note to=', 'code'],
        ["'Tove'", 'string'],
        ['"v"', 'string'],
        ['body text', 'string'],
        ['<![CDATA[raw <data>]]>', 'string'],
        ['</note>', 'code'],
      ]);
    });

    it('a DOCTYPE internal subset is markup up to its closing ]>', () => {
      check('xml', '<!DOCTYPE n [\n  <!ENTITY e "val">\n]>\n<n>body</n>', [
        ['<!DOCTYPE n [\n  <!ENTITY e ', 'code'],
        ['"val"', 'string'],
        ['>\n]>\n<n>', 'code'],
        ['body', 'string'],
      ]);
    });

    it('an unterminated attribute value ends at the end of its line', () => {
      check('xml', '<a href="open>\n<b>text</b>', [['"open>', 'string'], ['<b>', 'code'], ['text', 'string']]);
    });

    it('HTML script and style bodies lex as code', () => {
      check('html', '<script>var a = "s"; // c\n</script><style>p{x:"q"} /* d */</style><p>t</p>', [
        ['var a = ', 'code'],
        ['"s"', 'string'],
        ['// c', 'comment'],
        ['"q"', 'string'],
        ['/* d */', 'comment'],
        ['<p>', 'code'],
      ]);
    });
  });

  describe('HCL', () => {
    it('heredocs are strings up to their end marker; #, // and /* */ comments', () => {
      check('hcl', 'a = <<EOT\nhello # x\nEOTX\nEOT\nb = "s" # c\n// d\n/* e */ c = <<-EOF\n  indented\n  EOF\nz = 1', [
        ['<<EOT\nhello # x\nEOTX\nEOT', 'string'],
        ['b = ', 'code'],
        ['"s"', 'string'],
        ['# c', 'comment'],
        ['// d', 'comment'],
        ['/* e */', 'comment'],
        ['<<-EOF\n  indented\n  EOF', 'string'],
        ['z = 1', 'code'],
      ]);
    });
  });

  describe('INI and properties', () => {
    it('; # and ! start comments only at the start of a line', () => {
      check('ini', '; top\n[s]\nk = v ; not a comment\n  # indented\nurl=http://a#b', [
        ['; top', 'comment'],
        ['k = v ; not a comment', 'code'],
        ['# indented', 'comment'],
        ['url=http://a#b', 'code'],
      ]);
      check('properties', 'a=b # not\n! bang\n# hash', [['a=b # not', 'code'], ['! bang', 'comment'], ['# hash', 'comment']]);
    });
  });

  it('Markdown is prose (comment) but for its fenced blocks of commands, which are shell', () => {
    check('markdown', '# Title\nSee `http://x` and ```js\ncode()\n```', [['# Title\nSee `http://x` and ```js\ncode()\n```', 'comment']]);
    const runbook = '# Runbook\n\n```json\n{"k": 1}\n```\n\n```bash\n# fetch it\ncurl -k https://a.org "q"\n```\nafter\n~~~sh\nwget x\n';
    check('markdown', runbook, [
      ['# Runbook', 'comment'],
      ['{"k": 1}', 'comment'],
      ['# fetch it', 'comment'],
      ['curl -k https://a.org ', 'code'],
      ['"q"', 'string'],
      ['after', 'comment'],
      ['wget x', 'code'],
    ]);
  });

  it('plain text is all code', () => {
    check('plaintext', 'a "b" # c // d', [['a "b" # c // d', 'code']]);
  });
});
