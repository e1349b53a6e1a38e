import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { logger } from '../logger';

const kafka = new Kafka({ clientId: 'lab-consumer', brokers: (process.env.KAFKA_BROKERS ?? 'kafka-1:9092').split(','), ssl: true });
const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://results-db.internal:27017/?tls=true');

/** Files each HL7 ORU (converted to JSON upstream) under the patient's record. */
export async function run(): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'lab-results' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'lab.results.v1' });
  const results = mongo.db('clinic').collection('labResults');
  await consumer.run({
    eachMessage: async ({ message }) => {
      const labResult = JSON.parse(message.value!.toString());
      try {
        await results.insertOne(labResult);
      } catch (err) {
        logger.error({ err, offset: message.offset, labResult }, 'could not store lab result');
      }
    },
  });
}
