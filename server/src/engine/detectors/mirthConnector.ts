import type { SourceDocument } from '../document';
import { mirthExport, setting, tlsEnabled, type MirthConnector } from '../formats/mirthChannel';
import type { Located } from '../formats/located';
import type { Detector, DetectorHit } from './detector';

/** Hosts that keep a connection on the machine: the loopback addresses and names. */
export const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|0:0:0:0:0:0:0:1)$/i;

type Check = 'mllp' | 'smtp';

/**
 * Connectors of Mirth Connect / NextGen Connect channel exports that send or receive health data in clear
 * text. Option `check`: `mllp` (TCP and LLP listeners and senders in MLLP mode without TLS, not bound to or
 * sending to the local machine: one hit at the listening or remote host) or `smtp` (SMTP Senders with
 * `encryption` none to a host that is not local: one hit at the encryption setting).
 */
export const mirthConnector: Detector = {
  name: 'mirth-connector',
  run(doc, options) {
    const check = options.check;
    return check === 'mllp' || check === 'smtp' ? mirthConnectorHits(doc, check) : [];
  },
};

export function mirthConnectorHits(doc: SourceDocument, check: Check): DetectorHit[] {
  if (doc.language.family !== 'xml') return [];
  const mirth = mirthExport(doc.text);
  if (!mirth) return [];
  const hits: DetectorHit[] = [];
  for (const c of mirth.connectors) {
    const at = check === 'mllp' ? plainMllp(c) : plainSmtp(c);
    if (at) hits.push({ start: at.start, end: at.end, params: { connector: c.name.slice(0, 60), transport: c.transport } });
  }
  return hits;
}

/** Where an MLLP connector without TLS listens or sends to, unless that is the local machine. */
function plainMllp(c: MirthConnector): Located | undefined {
  const tcp = /\.tcp\.Tcp(?:Receiver|Dispatcher)Properties$/.test(c.propertiesClass) || /^(?:TCP|LLP) (?:Listener|Sender)$/.test(c.transport);
  if (!tcp || tlsEnabled(c)) return undefined;
  const mode = setting(c, 'transmissionModeProperties', 'pluginPointName')?.text.trim();
  const startBytes = setting(c, 'transmissionModeProperties', 'startOfMessageBytes')?.text.trim().toUpperCase();
  const mllp = /^LLP /.test(c.transport) || mode === 'MLLP' || startBytes === '0B';
  if (!mllp) return undefined;
  const receiver = /Receiver/.test(c.propertiesClass) || / Listener$/.test(c.transport);
  const serverMode = setting(c, 'serverMode')?.text.trim() !== 'false';
  const host = receiver && serverMode
    ? setting(c, 'listenerConnectorProperties', 'host') ?? setting(c, 'listenerConnectorProperties', 'port')
    : setting(c, 'remoteAddress');
  if (!host || LOCAL_HOST.test(host.text.trim())) return undefined;
  return host;
}

/** The encryption setting of an SMTP Sender that sends in clear text to a host that is not local. */
function plainSmtp(c: MirthConnector): Located | undefined {
  if (c.transport !== 'SMTP Sender' && !/\.smtp\.SmtpDispatcherProperties$/.test(c.propertiesClass)) return undefined;
  const encryption = setting(c, 'encryption');
  const host = setting(c, 'smtpHost');
  if (!encryption || encryption.text.trim().toLowerCase() !== 'none') return undefined;
  if (host && LOCAL_HOST.test(host.text.trim())) return undefined;
  return encryption;
}
