import * as assert from 'node:assert/strict';
import { loadBuiltinRules } from '../src/engine';
import { decodeXmlSpan } from '../src/engine/formats/xmlTree';
import { analyzeSnippet } from './helpers';

/** HL7 v2 links and integration-engine exports: MLLP without TLS in code, scripts and Mirth channels. */
describe('HL7 interfaces: MLLP, shell and Mirth Connect', () => {
  const rules = loadBuiltinRules();
  const found = (file: string, code: string, prefix = '') =>
    analyzeSnippet(file, code, rules)
      .filter((f) => f.ruleId.startsWith(prefix) && f.severity !== 'info')
      .map((f) => `${f.ruleId.replace(/^\w+\./, '')}:${f.range.start.line}`);

  describe('MLLP in code', () => {
    const go = (dial: string) =>
      `func send(ctx context.Context, addr string, msg []byte) error {\n\td := net.Dialer{}\n\tconn, err := ${dial}\n\tif err != nil {\n\t\treturn err\n\t}\n\tconn.Write(append(append([]byte{0x0b}, msg...), 0x1c, 0x0d))\n\treturn nil\n}\n`;
    it("a net.Dialer's DialContext and Dial with tcp", () => {
      assert.deepEqual(found('c.go', go('d.DialContext(ctx, "tcp", addr)'), 'transport.mllp'), ['mllp-without-tls:3']);
      assert.deepEqual(found('c.go', go('d.Dial("tcp", addr)'), 'transport.mllp'), ['mllp-without-tls:3']);
    });
    it('an HL7 message written out and sent over a plain connection, without framing', () => {
      const code = 'func send(addr string) error {\n\tconn, err := net.Dial("tcp", addr)\n\tif err != nil {\n\t\treturn err\n\t}\n\t_, err = conn.Write([]byte("MSH|^~\\\\&|EHR|NWH|LAB|NWH|20240502||ORM^O01|1|P|2.3\\r" + pid))\n\treturn err\n}\n';
      assert.deepEqual(found('c.go', code, 'transport.mllp'), ['mllp-without-tls:2']);
      assert.deepEqual(found('c.go', code.replace('MSH|', 'ACK|'), 'transport.mllp'), []);
    });
    it('not over TLS, nor on a unix socket', () => {
      assert.deepEqual(found('c.go', go('tls.DialWithDialer(&d, "tcp", addr, cfg)'), 'transport.mllp'), []);
      assert.deepEqual(found('c.go', go('d.DialContext(ctx, "unix", "/run/engine.sock")'), 'transport.mllp'), []);
    });
    it('socket functions imported from net by name', () => {
      const js = (imp: string, call: string) => `import { ${imp} } from 'node:net';\nconst s = ${call}(2575, host);\ns.write(Buffer.from([0x0b]));\ns.write(Buffer.from([0x1c, 0x0d]));\n`;
      assert.deepEqual(found('t.ts', js('createConnection', 'createConnection'), 'transport.mllp'), ['mllp-without-tls:2']);
      assert.deepEqual(found('t.ts', js('connect as dial', 'dial'), 'transport.mllp'), ['mllp-without-tls:2']);
      assert.deepEqual(found('t.ts', js('isIP', 'connect'), 'transport.mllp'), [], 'another connect');
    });
    it('MLLP libraries without their TLS option', () => {
      const client = (options: string) => `import { Client } from 'node-hl7-client';\nconst lis = new Client(${options});\nconst orders = lis.createConnection({ port: 5100 }, async () => undefined);\n`;
      assert.deepEqual(found('c.ts', client("{ host: 'lis.stmarys.org' }"), 'transport.mllp'), ['mllp-without-tls:2']);
      assert.deepEqual(found('c.ts', client("{ host: 'lis.stmarys.org', tls: { ca } }"), 'transport.mllp'), []);
      assert.deepEqual(found('c.ts', client("{ host: '127.0.0.1' }"), 'transport.mllp'), []);
      assert.deepEqual(found('c.js', "const hl7 = require('simple-hl7');\nconst client = hl7.Server.createTcpClient('ris.stmarys.org', 2575);\n", 'transport.mllp'), ['mllp-without-tls:2']);
      assert.deepEqual(found('c.ts', "import { Client } from 'pg';\nconst db = new Client({ host: 'db.stmarys.org' });\n", 'transport.mllp'), [], 'another Client');
      const py = (extra: string) => `from hl7.client import MLLPClient\n\nwith MLLPClient(LAB_HOST, 2575${extra}) as client:\n    client.send_message(message)\n`;
      assert.deepEqual(found('send.py', py(''), 'transport.mllp'), ['mllp-without-tls:3']);
      const java = (tls: string) => `import ca.uhn.hl7v2.HapiContext;\n\nclass Sender {\n  void send(HapiContext context) throws Exception {\n    Connection c = context.newClient(host, port, ${tls});\n  }\n}\n`;
      assert.deepEqual(found('Sender.java', java('false'), 'transport.mllp'), ['mllp-without-tls:5']);
      assert.deepEqual(found('Sender.java', java('true'), 'transport.mllp'), []);
      assert.deepEqual(found('Sender.java', java('useTls'), 'transport.mllp'), []);
    });
    it('a socket to a loopback host written beside it is local', () => {
      const js = (host: string) => `const s = new net.Socket();\ns.connect(6661, ${host}, () => s.write('\\x0b' + m + '\\x1c\\r'));\n`;
      assert.deepEqual(found('hop.js', js("'127.0.0.1'"), 'transport.mllp'), []);
      assert.deepEqual(found('hop.js', js("'engine.stmarys.org'"), 'transport.mllp'), ['mllp-without-tls:1']);
    });
  });

  describe('MLLP in shell scripts', () => {
    const cases: Array<[string, string, string[]]> = [
      ['framing piped into nc', `printf '\\x0b%s\\x1c\\r' "$(cat "$f")" | nc -w 5 "$HOST" "$PORT"`, ['mllp-without-tls:1']],
      ['an .hl7 file redirected into nc', 'nc ris.stmarys.org 6000 < out/A08.hl7', ['mllp-without-tls:1']],
      ['the HL7 port with a redirected input', 'nc ris.stmarys.org 2575 < "$MSG"', ['mllp-without-tls:1']],
      ['a continued pipeline into plain socat', `printf '\\x0b%s\\x1c\\r' "$m" \\\n  | socat - TCP:ris.stmarys.org:2575`, ['mllp-without-tls:2']],
      ['a port probe', 'if nc -zv -w 3 ris.stmarys.org 2575; then echo up; fi', []],
      ['ncat over TLS', `printf '\\x0b%s\\x1c\\r' "$m" | ncat --ssl ris.stmarys.org 2575`, []],
      ['socat over TLS', `printf '\\x0b%s\\x1c\\r' "$m" | socat - "OPENSSL:ris.stmarys.org:2575,cafile=ca.pem"`, []],
      ['the local machine', `printf '\\x0b%s\\x1c\\r' "$m" | nc localhost 6661`, []],
      ['a comment', `# printf '\\x0b%s\\x1c\\r' "$m" | nc ris.stmarys.org 2575`, []],
      ['nc with no HL7 going in', 'echo stats | nc graphite.stmarys.org 2003', []],
      ['a script about .hl7 files piping into nc', 'for f in /spool/*.hl7; do\n  cat "$f" | nc lis.stmarys.org 5100\ndone', ['mllp-without-tls:2']],
    ];
    for (const [name, code, expected] of cases) it(name, () => assert.deepEqual(found('send.sh', `#!/bin/sh\n${code}\n`, 'transport.mllp').map((l) => l.replace(/:(\d+)$/, (_, n) => `:${Number(n) - 1}`)), expected));
  });

  describe('Mirth Connect channel exports', () => {
    /** A channel with a source, destinations and scripts, as the Administrator exports it (scripts entity-escaped). */
    const channel = (source: string, destinations: string, postprocessor = 'return;') =>
      `<channel version="4.4.2">\n  <name>Test</name>\n  <sourceConnector version="4.4.2">\n${source}\n  </sourceConnector>\n  <destinationConnectors>\n${destinations}\n  </destinationConnectors>\n  <postprocessingScript>${postprocessor}</postprocessingScript>\n</channel>\n`;
    const listener = (host: string, plugin = '<pluginProperties/>', mode = 'MLLP') =>
      `    <properties class="com.mirth.connect.connectors.tcp.TcpReceiverProperties" version="4.4.2">\n      ${plugin}\n      <listenerConnectorProperties version="4.4.2">\n        <host>${host}</host>\n        <port>6661</port>\n      </listenerConnectorProperties>\n      <transmissionModeProperties class="com.mirth.connect.plugins.mllpmode.MLLPModeProperties">\n        <pluginPointName>${mode}</pluginPointName>\n      </transmissionModeProperties>\n    </properties>\n    <transportName>TCP Listener</transportName>`;
    const transformer = (script: string) =>
      `    <properties class="com.mirth.connect.connectors.vm.VmReceiverProperties" version="4.4.2"/>\n    <transformer version="4.4.2">\n      <elements>\n        <com.mirth.connect.plugins.javascriptstep.JavaScriptStep version="4.4.2">\n          <script>${script}</script>\n        </com.mirth.connect.plugins.javascriptstep.JavaScriptStep>\n      </elements>\n    </transformer>\n    <transportName>Channel Reader</transportName>`;
    const destination = (klass: string, transport: string, properties: string) =>
      `    <connector version="4.4.2">\n      <name>Out</name>\n      <properties class="com.mirth.connect.connectors.${klass}" version="4.4.2">\n${properties}\n      </properties>\n      <transportName>${transport}</transportName>\n    </connector>`;
    const esc = (js: string) => js.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

    it('an MLLP listener on every interface, at its host', () => {
      assert.deepEqual(found('ch.xml', channel(listener('0.0.0.0'), ''), 'transport'), ['mllp-without-tls:7']);
    });
    it('not on the loopback address, with TLS enabled, or in another mode', () => {
      assert.deepEqual(found('ch.xml', channel(listener('127.0.0.1'), ''), 'transport'), []);
      const ssl = '<pluginProperties><com.mirth.connect.plugins.ssl.model.SSLSettingsProperties><sslEnabled>true</sslEnabled></com.mirth.connect.plugins.ssl.model.SSLSettingsProperties></pluginProperties>';
      assert.deepEqual(found('ch.xml', channel(listener('0.0.0.0', ssl), ''), 'transport'), []);
      assert.deepEqual(found('ch.xml', channel(listener('0.0.0.0', '<pluginProperties/>', 'Basic'), ''), 'transport'), []);
    });
    it('an MLLP sender at its remote host', () => {
      const tcp = '        <transmissionModeProperties class="com.mirth.connect.plugins.mllpmode.MLLPModeProperties">\n          <pluginPointName>MLLP</pluginPointName>\n        </transmissionModeProperties>\n        <remoteAddress>ris.stmarys.org</remoteAddress>';
      const doc = channel(transformer('return;'), destination('tcp.TcpDispatcherProperties', 'TCP Sender', tcp));
      assert.deepEqual(found('ch.xml', doc, 'transport'), [`mllp-without-tls:${doc.split('\n').findIndex((l) => l.includes('<remoteAddress>')) + 1}`]);
      assert.deepEqual(found('ch.xml', doc.replace('ris.stmarys.org', 'localhost'), 'transport'), []);
    });
    it('an SMTP sender without encryption, at the setting', () => {
      const smtp = (host: string, encryption: string) => `        <smtpHost>${host}</smtpHost>\n        <smtpPort>25</smtpPort>\n        <encryption>${encryption}</encryption>\n        <body>\${message.encodedData}</body>`;
      const doc = channel(transformer('return;'), destination('smtp.SmtpDispatcherProperties', 'SMTP Sender', smtp('mail.stmarys.org', 'none')));
      assert.deepEqual(found('ch.xml', doc, 'transport'), [`smtp-without-tls:${doc.split('\n').findIndex((l) => l.includes('<encryption>')) + 1}`]);
      assert.deepEqual(found('ch.xml', doc.replace('>none<', '>TLS<'), 'transport'), []);
      assert.deepEqual(found('ch.xml', doc.replace('mail.stmarys.org', '127.0.0.1'), 'transport'), []);
    });

    it('a transformer logging patient segments, not the header', () => {
      const script = esc("var id = msg['MSH']['MSH.10']['MSH.10.1'].toString();\nlogger.info('control ' + id);\nlogger.info('admitted ' + msg['PID']['PID.5']['PID.5.1'].toString());");
      const doc = channel(transformer(script), '');
      const line = doc.split('\n').findIndex((l) => l.includes('admitted')) + 1;
      assert.deepEqual(found('ch.xml', doc, 'storage'), [`health-data-in-logs:${line}`]);
    });
    it('the whole message, a map entry named after the patient, a segment in a code template', () => {
      assert.deepEqual(found('ch.xml', channel(transformer(esc('logger.debug(connectorMessage.getRawData());')), ''), 'storage').length, 1);
      assert.deepEqual(found('ch.xml', channel(transformer('return;'), '', esc("logger.error('failed for ' + $('patientName'));")), 'storage').length, 1);
      assert.deepEqual(found('ch.xml', channel(transformer('return;'), '', esc("logger.error('failed, critical=' + $('critical'));")), 'storage'), []);
      const template = `<list>\n<codeTemplateLibrary version="4.4.2">\n<codeTemplates>\n<codeTemplate version="4.4.2">\n<properties class="com.mirth.connect.model.codetemplates.BasicCodeTemplateProperties">\n<code>${esc("function trace(hl7) {\n  var pid = hl7['PID'];\n  logger.info('dob ' + pid['PID.7'].toString());\n}")}</code>\n</properties>\n</codeTemplate>\n</codeTemplates>\n</codeTemplateLibrary>\n</list>\n`;
      assert.deepEqual(found('lib.xml', template, 'storage'), ['health-data-in-logs:8']);
    });
    it('Rhino\'s System.out and Mirth\'s FileUtil in channel scripts', () => {
      assert.deepEqual(found('ch.xml', channel(transformer(esc("java.lang.System.out.println(msg['PID']['PID.5'].toString());")), ''), 'storage').length, 1);
      const writer = `    <connector version="4.4.2">\n      <properties class="com.mirth.connect.connectors.js.JavaScriptDispatcherProperties" version="4.4.2">\n        <script>${esc("FileUtil.write('/spool/' + $('modality') + '.hl7', false, connectorMessage.getEncodedData());")}</script>\n      </properties>\n      <transportName>JavaScript Writer</transportName>\n    </connector>`;
      assert.deepEqual(found('ch.xml', channel(transformer('return;'), writer), 'storage'), ['health-data-in-plain-file:17']);
    });
    it('the raw message in a preprocessor, a Document Writer of a letter naming the patient', () => {
      const pre = `<channel version="4.4.2">\n  <preprocessingScript>${esc('logger.debug(message);\nreturn message;')}</preprocessingScript>\n  <postprocessingScript>${esc('logger.debug(message);')}</postprocessingScript>\n  <transportName>x</transportName>\n</channel>\n`;
      assert.deepEqual(found('ch.xml', pre, 'storage'), ['health-data-in-logs:2']);
      const letter = `        <host>/tmp/letters</host>\n        <template>${esc('<p>Dear ${patientName}, your results are ready.</p>')}</template>`;
      assert.deepEqual(found('ch.xml', channel(transformer('return;'), destination('doc.DocumentDispatcherProperties', 'Document Writer', letter)), 'storage').length, 1);
    });
    it('a hashed identifier is not the data', () => {
      const script = esc("var h = DigestUtils.sha256Hex(msg['PID']['PID.3']['PID.3.1'].toString());\nlogger.info('subject ' + h);");
      assert.deepEqual(found('ch.xml', channel(transformer(script), ''), 'storage'), []);
    });
    it('a File Writer of the message on the local disk, at its folder; not over SFTP', () => {
      const writer = (scheme: string) => `        <scheme>${scheme}</scheme>\n        <host>/tmp/archive</host>\n        <template>\${message.encodedData}</template>`;
      const doc = channel(transformer('return;'), destination('file.FileDispatcherProperties', 'File Writer', writer('FILE')));
      const [f] = analyzeSnippet('ch.xml', doc, rules).filter((x) => x.ruleId === 'storage.health-data-in-plain-file');
      assert.equal(f.range.start.line, doc.split('\n').findIndex((l) => l.includes('<host>')) + 1);
      assert.match(f.message, /shared temporary folder/);
      assert.deepEqual(found('ch.xml', doc.replace('>FILE<', '>SFTP<'), 'storage'), []);
    });
  });

  it('decodes XML character data with the offset of every character', () => {
    const raw = '<s>a &apos;b&apos; &#x41;&lt;<![CDATA[&x]]></s>';
    const { text, offsets } = decodeXmlSpan(raw, 3, raw.length - 4);
    assert.equal(text, "a 'b' A<&x");
    assert.equal(offsets.length, text.length + 1);
    assert.equal(raw.slice(offsets[text.indexOf('b')], offsets[text.indexOf('b')] + 1), 'b');
    assert.equal(raw.slice(offsets[text.indexOf('&')], offsets[text.indexOf('&')] + 2), '&x');
    assert.equal(offsets[text.length], raw.length - 4);
  });
});
