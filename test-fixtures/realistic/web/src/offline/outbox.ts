import { openDB, type DBSchema } from 'idb';
import type { Observation } from 'fhir/r4';
import { sealForDevice } from '../crypto/deviceKey';

interface OutboxSchema extends DBSchema {
  pending: { key: number; value: Observation & { queuedAt: number } };
  drafts: { key: string; value: ArrayBuffer };
  meta: { key: string; value: string };
}

const dbPromise = openDB<OutboxSchema>('np-outbox', 2, {
  upgrade(db) {
    db.createObjectStore('pending', { autoIncrement: true });
    db.createObjectStore('drafts');
    db.createObjectStore('meta');
  },
});

/** Readings taken offline wait here until the tablet is back on the network. */
export async function queueReading(reading: Observation): Promise<void> {
  const db = await dbPromise;
  await db.add('pending', { ...reading, queuedAt: Date.now() });
}

/** Free-text notes are sealed with the device key before they touch the disk. */
export async function saveDraft(encounterRef: string, text: string): Promise<void> {
  const db = await dbPromise;
  await db.put('drafts', await sealForDevice(text), encounterRef);
  await db.put('meta', new Date().toISOString(), 'lastDraftAt');
}

export async function flush(send: (o: Observation) => Promise<void>): Promise<void> {
  const db = await dbPromise;
  for (const key of await db.getAllKeys('pending')) {
    const item = await db.get('pending', key);
    if (item) await send(item);
    await db.delete('pending', key);
  }
}
