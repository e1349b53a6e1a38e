import { useCallback, useState } from 'react';
import type { Patient } from 'fhir/r4';

const KEY = 'np:recent';

function read(): string[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
}

/** The ids of the last ten charts opened on this device (ids only: names are fetched again when shown). */
export function useRecentPatients() {
  const [recent, setRecent] = useState<string[]>(read);

  const remember = useCallback((patient: Patient) => {
    const next = [patient.id!, ...read().filter((id) => id !== patient.id)].slice(0, 10);
    localStorage.setItem(KEY, JSON.stringify(next));
    localStorage.setItem('np:lastOpenedAt', new Date().toISOString());
    setRecent(next);
  }, []);

  return { recent, remember };
}
