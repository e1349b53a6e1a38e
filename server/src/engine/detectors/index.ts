import { cdaDocument } from './cda';
import { cleartextUrl } from './cleartextUrl';
import type { Detector } from './detector';
import { dicomAttributes } from './dicom';
import { fhirResource } from './fhirResource';
import { healthDataFlow } from './healthDataFlow';
import { hl7v2 } from './hl7v2';
import { nationalIdentifier } from './nationalIdentifier';
import { notebookOutput } from './notebookOutput';
import { personRecord } from './personRecord';
import { plainHttpServer } from './plainHttpServer';
import { tabularRecords } from './tabularRecords';
import { terraformStorage } from './terraformStorage';
import { composeExposedDatabase } from './composeExposedDatabase';
import { kubernetesPlaintextPassword } from './kubernetesPlaintextPassword';
import { mirthConnector } from './mirthConnector';
import { mllpPlainSocket } from './mllp';
import { pgbouncerTls } from './pgbouncerTls';
import { plistValue } from './plistValue';
import { xmlAttribute } from './xmlAttribute';

const DETECTORS: Detector[] = [
  cleartextUrl, plainHttpServer, fhirResource, hl7v2, cdaDocument, dicomAttributes, notebookOutput, personRecord, nationalIdentifier, tabularRecords,
  healthDataFlow, terraformStorage, composeExposedDatabase, kubernetesPlaintextPassword, xmlAttribute, plistValue, pgbouncerTls, mllpPlainSocket,
  mirthConnector,
];

/** The names of the detectors registered here (DETECTOR_NAMES lists them for code that does not load them). */
export function detectorNames(): string[] {
  return DETECTORS.map((d) => d.name);
}

export function detectorByName(name: string): Detector | undefined {
  return DETECTORS.find((d) => d.name === name);
}

export type { Detector, DetectorContext, DetectorHit } from './detector';
