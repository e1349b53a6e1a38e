import * as assert from 'node:assert/strict';
import { loadBuiltinRules } from '../src/engine';
import { hl7Segment } from '../src/engine/dataflow/hl7Text';
import { healthQuery } from '../src/engine/dataflow/sqlQuery';
import { parseIni } from '../src/engine/formats/ini';
import { analyzeSnippet } from './helpers';

/**
 * The pieces behind recall on server code and configuration (issue 13): SQL that reads patients, HL7 segment
 * literals, INI files, and where a URL, a key or a setting sits (a Dockerfile label, a constant, a block with
 * its own host).
 */
describe('server languages and configuration', () => {
  describe('literal SQL that reads health data', () => {
    const reads: Array<[string, string | undefined]> = [
      ["'SELECT p.mrn, p.family_name FROM discharges d JOIN patients p ON p.id = d.patient_id'", 'the result of a query reading `mrn`'],
      ['"SELECT * FROM patients WHERE id = ?"', 'the result of a query of `patients`'],
      ['"""\n  SELECT given, family, birth_date\n    FROM person\n"""', 'the result of a query reading `birth_date`'],
      ['"select family_name, given_name from public.encounters e"', 'the result of a query of `encounters`'],
      // counts, ids and tables of other things are not health data
      ['"SELECT count(*) FROM patients"', undefined],
      ['"SELECT id, updated_at FROM patients"', undefined],
      ['"SELECT name, price FROM drugs"', undefined],
      ['"SELECT * FROM audit_log WHERE patient_id IN (1, 2)"', undefined],
      ['"INSERT INTO patients (mrn) VALUES (?)"', undefined],
      ['"patients"', undefined],
    ];
    for (const [literal, label] of reads) it(`${literal.replace(/\s+/g, ' ')} → ${label ?? 'nothing'}`, () => assert.equal(healthQuery(literal), label));
  });

  it('HL7 v2 segment literals: MSH alone, other segments with their separator unless the file is about HL7', () => {
    const literals = ['"MSH|"', "b'MSH'", '"PID|"', "'OBX|1|'", '"ADT^A01"', '"PID"', '"MSHX"', '"pid|"', '"PIDS"'];
    assert.deepEqual(literals.map((l) => hl7Segment(l)), [true, true, true, true, true, false, false, false, false]);
    assert.deepEqual(literals.map((l) => hl7Segment(l, true)), [true, true, true, true, true, true, false, false, false]);
  });

  it('INI files: sections, keys and values with their places, comments passed over', () => {
    const text = ';; pooler\n[databases]\nehr = host=db.example.net dbname=ehr\n\n[pgbouncer]\nlisten_addr = 0.0.0.0\r\n; server_tls_sslmode = disable\nlogfile = "/var/log/pgb.log"\n';
    const entries = parseIni(text);
    assert.deepEqual(
      entries.map((e) => [e.section, e.key.text, e.value.text]),
      [
        ['databases', 'ehr', 'host=db.example.net dbname=ehr'],
        ['pgbouncer', 'listen_addr', '0.0.0.0'],
        ['pgbouncer', 'logfile', '/var/log/pgb.log'],
      ],
    );
    for (const e of entries) {
      assert.equal(text.slice(e.key.start, e.key.end), e.key.text);
      assert.equal(text.slice(e.value.start, e.value.end), e.value.text);
    }
  });

  describe('where a finding is, and is not', () => {
    const rules = loadBuiltinRules();
    const found = (file: string, code: string) => analyzeSnippet(file, code, rules).filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}:${f.range.start.line}`);

    it('a URL in a multi-line Dockerfile LABEL is metadata; the same URL after a continued curl is a download', () => {
      const dockerfile = 'FROM python:3.12\nLABEL org.opencontainers.image.title="exporter" \\\n      org.opencontainers.image.url="http://git.lakeshore-care.net/exporter"\nRUN curl -fsSL \\\n    http://downloads.lakeshore-care.net/tool.tgz -o /tmp/tool.tgz\n';
      assert.deepEqual(found('Dockerfile', dockerfile), ['transport.cleartext-url:5']);
    });

    it('a URL constant is a connection when the file passes it to one, a value otherwise', () => {
      const code = 'XDS_REPOSITORY = "http://xds.northbay-exchange.org/repository"\nFORMULARY = "http://formulary.northbay-exchange.org/current"\n\ndef push(session, doc):\n    return session.post(XDS_REPOSITORY, data=doc)\n';
      assert.deepEqual(found('client.py', code), ['transport.cleartext-url:1']);
    });

    it('a key constant is reported at its literal, where the cipher uses it', () => {
      const code = 'class K {\n  private static final String KEY = "Oakv@leEhrK3y#2019!";\n  private static final String LABEL = "Oakvale EHR column key";\n  SecretKey key() { return new SecretKeySpec(KEY.getBytes(UTF_8), "AES"); }\n}\n';
      const findings = analyzeSnippet('K.java', code, rules).filter((f) => f.ruleId === 'storage.hard-coded-crypto-key');
      assert.deepEqual(findings.map((f) => f.range.start.line), [2]);
      assert.ok(!findings[0].evidence.includes('Oakv@leEhrK3y#2019!') && !findings[0].message.includes('Oakv@leEhrK3y#2019!'), 'the key is masked');
    });

    it('a database setting beside a local host setting is development; beside a remote one it is reported', () => {
      const local = 'development:\n  adapter: postgresql\n  host: localhost\n  database: ehr_dev\n  sslmode: disable\n';
      const remote = 'production:\n  adapter: postgresql\n  host: ehr-db.lakeshore-care.net\n  database: ehr\n  sslmode: disable\n';
      assert.deepEqual(found('database.yml', local), []);
      assert.deepEqual(found('database.yml', remote), ['transport.database-encryption-disabled:5']);
      assert.deepEqual(found('.env', 'PGHOST=ehr-replica.db.lakeshore-care.net\nPGSSLMODE=disable\n'), ['transport.database-encryption-disabled:2']);
      assert.deepEqual(found('.env.development', 'PGHOST=ehr-replica.db.lakeshore-care.net\nPGSSLMODE=disable\n'), []);
    });

    it('SMTP settings of an environment file are judged by the mail host of the file', () => {
      const laravel = (host: string) => `MAIL_MAILER=smtp\nMAIL_HOST=${host}\nMAIL_PORT=1025\nMAIL_USERNAME=null\nMAIL_PASSWORD=null\nMAIL_ENCRYPTION=null\n`;
      assert.deepEqual(found('.env', laravel('mailpit')), []);
      assert.deepEqual(found('.env', laravel('smtp.mailtrap.io')), []);
      assert.deepEqual(found('.env', laravel('mail.lakeshore-care.net')), ['transport.smtp-without-tls:6']);
    });
  });
});
