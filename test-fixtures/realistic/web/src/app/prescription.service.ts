import { HttpClient } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { MedicationRequest } from 'fhir/r4';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PrescriptionService {
  constructor(private readonly http: HttpClient) {}

  activeFor(patientId: string): Observable<MedicationRequest[]> {
    return this.http.get<MedicationRequest[]>(`/api/v1/patients/${patientId}/prescriptions`, { params: { status: 'active' } });
  }
}
