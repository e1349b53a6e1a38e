import { useEffect, useState } from 'react';
import type { Patient } from 'fhir/r4';
import { http } from '../api/http';

const CACHE_PREFIX = 'np:patient:';

interface PatientState {
  loading: boolean;
  data?: Patient;
  error?: Error;
}

/** Loads a patient for the chart header, showing the last copy at once while the request runs. */
export function usePatient(patientId: string): PatientState {
  const [state, setState] = useState<PatientState>({ loading: true });

  useEffect(() => {
    let cancelled = false;
    const cached = localStorage.getItem(CACHE_PREFIX + patientId);
    if (cached) setState({ loading: true, data: JSON.parse(cached) });

    http
      .get<Patient>(`/fhir/Patient/${encodeURIComponent(patientId)}`)
      .then(({ data }) => {
        if (cancelled) return;
        setState({ loading: false, data });
        // keeps the chart usable when the ward wifi drops
        localStorage.setItem(CACHE_PREFIX + patientId, JSON.stringify(data));
      })
      .catch((error: Error) => {
        if (!cancelled) setState({ loading: false, error });
      });

    return () => {
      cancelled = true;
    };
  }, [patientId]);

  return state;
}
