import Dexie, { type Table } from 'dexie';
import type { Observation, Patient } from 'fhir/r4';

export interface PendingVisit {
  id?: number;
  patientId: string;
  startedAt: string;
}

export interface UiPref {
  key: string;
  value: string;
}

/** The tablet's offline copy of the ward, for home visits without coverage. */
class ClinicDb extends Dexie {
  patients!: Table<Patient, string>;
  observations!: Table<Observation, string>;
  visits!: Table<PendingVisit, number>;
  prefs!: Table<UiPref, string>;

  constructor() {
    super('northwind-clinic');
    this.version(3).stores({
      patients: 'id',
      observations: 'id, subject.reference',
      visits: '++id, patientId',
      prefs: 'key',
    });
  }
}

export const clinicDb = new ClinicDb();
