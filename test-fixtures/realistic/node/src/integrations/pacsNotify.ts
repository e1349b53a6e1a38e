import mqtt from 'mqtt';

// Reading-room displays subscribe to new studies (accession number and modality only).
const client = mqtt.connect(process.env.PACS_MQTT_URL ?? 'mqtt://pacs-events.northwind-health.org:1883', {
  username: 'clinic',
  password: process.env.PACS_MQTT_PASSWORD,
});

export function studyArrived(accession: string, modality: string): void {
  client.publish('pacs/studies', JSON.stringify({ accession, modality, at: Date.now() }));
}
