import { useEffect, useRef, useState } from 'react';
import { VITALS_STREAM_URL } from '../config/integrations';

export interface VitalSample {
  bed: string;
  heartRate?: number;
  spo2?: number;
  systolic?: number;
  diastolic?: number;
  at: string;
}

export function useVitalsStream(ward: string): VitalSample[] {
  const [samples, setSamples] = useState<VitalSample[]>([]);
  const socket = useRef<WebSocket | null>(null);

  useEffect(() => {
    const ws = new WebSocket(`${VITALS_STREAM_URL}?ward=${encodeURIComponent(ward)}`);
    socket.current = ws;
    ws.onmessage = (event) => {
      const sample = JSON.parse(event.data) as VitalSample;
      setSamples((prev) => [...prev.slice(-199), sample]);
    };
    return () => ws.close();
  }, [ward]);

  return samples;
}
