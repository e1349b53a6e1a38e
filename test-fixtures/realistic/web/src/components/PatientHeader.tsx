import { useEffect, useState } from 'react';
import { AllergyChips } from './AllergyChips';

interface PatientSummary {
  displayName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  allergies: Array<{ substance: string; criticality: string }>;
  activeProblems: string[];
}

export function PatientHeader({ patientId }: { patientId: string }) {
  const [summary, setSummary] = useState<PatientSummary | null>(null);
  const [collapsed, setCollapsed] = useState(() => sessionStorage.getItem('header.collapsed') === '1');

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/patients/${patientId}/summary`, { credentials: 'include', signal: controller.signal })
      .then((res) => res.json())
      .then((body) => {
        setSummary(body);
        sessionStorage.setItem('header.summary', JSON.stringify(body));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [patientId]);

  useEffect(() => {
    sessionStorage.setItem('header.collapsed', collapsed ? '1' : '0');
  }, [collapsed]);

  if (!summary) return <div className="np-header np-header--loading" />;
  return (
    <header className="np-header">
      <button onClick={() => setCollapsed((c) => !c)} aria-expanded={!collapsed}>
        {summary.displayName}
      </button>
      {!collapsed && (
        <>
          <span>{summary.birthDate}</span>
          <AllergyChips allergies={summary.allergies} />
        </>
      )}
    </header>
  );
}
