import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DiagnosticReport } from 'fhir/r4';
import { apiBase } from '../../lib/env';

async function loadReports(patientId: string): Promise<DiagnosticReport[]> {
  const url = `${apiBase}/patients/${patientId}/reports?status=final`;
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok) throw new Error(`reports: ${res.status}`);
  return res.json();
}

export function ResultsPanel({ patientId }: { patientId: string }) {
  const { data, isLoading } = useQuery({ queryKey: ['reports', patientId], queryFn: () => loadReports(patientId) });

  useEffect(() => {
    if (!data) return;
    // lets the "print results" popup render without another request
    window.localStorage.setItem('print:reports', JSON.stringify(data));
  }, [data]);

  useEffect(() => {
    window.localStorage.setItem('results:lastViewedPatient', patientId);
  }, [patientId]);

  if (isLoading) return <p>Loading results…</p>;
  return (
    <ul>
      {data?.map((r) => (
        <li key={r.id}>
          {r.code.text}: {r.conclusion}
        </li>
      ))}
    </ul>
  );
}
