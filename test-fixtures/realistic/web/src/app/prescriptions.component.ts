import { Component, OnInit } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import type { MedicationRequest } from 'fhir/r4';
import { PrescriptionService } from './prescription.service';

@Component({
  selector: 'np-prescriptions',
  templateUrl: './prescriptions.component.html',
})
export class PrescriptionsComponent implements OnInit {
  prescriptions: MedicationRequest[] = [];
  loading = true;

  constructor(
    private readonly route: ActivatedRoute,
    private readonly prescriptionService: PrescriptionService,
  ) {}

  ngOnInit(): void {
    const patientId = this.route.snapshot.paramMap.get('patientId')!;
    this.prescriptionService.activeFor(patientId).subscribe((list) => {
      this.prescriptions = list;
      this.loading = false;
      localStorage.setItem(`rx-cache-${patientId}`, JSON.stringify(list));
    });
  }

  collapseAll(): void {
    localStorage.setItem('rx-expanded', '[]');
  }
}
