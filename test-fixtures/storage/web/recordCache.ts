// Caches the patient chart in the browser and reports usage.
import * as SecureStore from 'expo-secure-store';

export async function openChart(fhir: FhirClient, patientId: string) {
  const chart = await fhir.read({ resourceType: 'Patient', id: patientId });
  console.log('chart opened', patientId);
  // insecure: the whole chart goes to the browser console
  console.log(chart);
  const { birthDate, id } = chart;
  logger.info({ patientId: id });
  // insecure: the birth date is cached in localStorage
  localStorage.setItem('lastBirthDate', birthDate);
  await SecureStore.setItemAsync('chart', JSON.stringify(chart));
  // insecure: analytics receive the diagnosis
  mixpanel.track('chart_opened', { diagnosis: chart.diagnosis });
}
