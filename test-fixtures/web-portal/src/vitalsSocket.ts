// Streams bedside monitor vitals to the nurse station dashboard.
// Protocol notes: http://wiki.northwind-health.com/devices/vitals-stream

export interface VitalSign {
  code: string;
  system: 'http://loinc.org';
  value: number;
  unit: string;
}

const STREAM_URL = 'wss://vitals.northwind-health.com/stream';
const DEV_STREAM_URL = 'ws://localhost:9001/stream';
// insecure: the ward gateway streams vitals without TLS
const WARD_GATEWAY_URL = 'ws://ward-gateway.northwind-health.com:9001/stream';

export function openVitalsStream(ward: string, onVital: (v: VitalSign) => void): WebSocket {
  const base = import.meta.env.DEV ? DEV_STREAM_URL : ward.startsWith('legacy-') ? WARD_GATEWAY_URL : STREAM_URL;
  const socket = new WebSocket(`${base}?ward=${encodeURIComponent(ward)}`);
  socket.addEventListener('message', (ev) => onVital(JSON.parse(ev.data) as VitalSign));
  return socket;
}

export function isSecure(url: string): boolean {
  return url.startsWith('wss://') || url.startsWith('https://');
}
