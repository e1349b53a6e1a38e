import { cleartextUrl } from './cleartextUrl';
import type { Detector } from './detector';
import { plainHttpServer } from './plainHttpServer';

const DETECTORS: Detector[] = [cleartextUrl, plainHttpServer];

export function detectorNames(): string[] {
  return DETECTORS.map((d) => d.name);
}

export function detectorByName(name: string): Detector | undefined {
  return DETECTORS.find((d) => d.name === name);
}

export type { Detector, DetectorContext, DetectorHit } from './detector';
