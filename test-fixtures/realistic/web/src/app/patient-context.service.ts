import { HttpClient } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { AllergyIntolerance, Patient } from 'fhir/r4';
import { Observable, tap } from 'rxjs';
import { environment } from '../../environments/environment';

@Injectable({ providedIn: 'root' })
export class PatientContextService {
  private readonly base = environment.fhirBaseUrl;

  constructor(private readonly http: HttpClient) {}

  /** The patient in context, kept for the other micro-frontends of the shell to read. */
  select(id: string): Observable<Patient> {
    return this.http.get<Patient>(`${this.base}/Patient/${id}`).pipe(
      tap((p) => sessionStorage.setItem('shell.patient', JSON.stringify(p))),
      tap(() => sessionStorage.setItem('shell.patientSelectedAt', String(Date.now()))),
    );
  }

  allergies(id: string): Observable<AllergyIntolerance[]> {
    return this.http.get<AllergyIntolerance[]>(`${this.base}/AllergyIntolerance`, { params: { patient: id } });
  }

  clear(): void {
    sessionStorage.removeItem('shell.patient');
  }
}
