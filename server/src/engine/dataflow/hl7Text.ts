/**
 * A string literal that is the start of an HL7 v2 segment (`"MSH|"`, `b"PID|"`, `'OBX|'`) or a message type
 * (`"ADT^A01"`, `"ORU^R01"`): code that tests a value against it holds a message or a segment, names, birth
 * dates and identifiers included. `MSH` alone counts (the message header); other segment ids need their field
 * separator (`PID` is also a process id) unless the file is about HL7 (`loose`: it names MSH segments or HL7).
 */
const SEGMENT_IDS = 'PID|PD1|PV1|PV2|NK1|OBR|OBX|ORC|DG1|AL1|IN1|IN2|GT1|NTE|EVN|MRG|RXA|RXE|RXO|SPM|TXA';
const STRICT = new RegExp(`^(?:MSH(?:\\||(?![A-Za-z0-9]))|(?:${SEGMENT_IDS})\\||(?:ADT|ORU|ORM|OML|OUL|SIU|MDM|DFT|VXU|RDE|RAS|BAR|MFN)\\^[A-Z]\\d{2}\\b)`);
const LOOSE = new RegExp(`^(?:${SEGMENT_IDS})(?![A-Za-z0-9])`);

export function hl7Segment(literal: string, loose = false): boolean {
  const body = literal.replace(/^[a-zA-Z@$]{0,3}(["'`]{1,3})/, '');
  return STRICT.test(body) || (loose && LOOSE.test(body));
}

const ANY_SEGMENT = new RegExp(`MSH|${SEGMENT_IDS}|\\^[A-Z]\\d{2}`);

/** Whether some literal in this text may be a segment or a message type for hl7Segment(), loose or not. */
export function mayHoldSegment(text: string): boolean {
  return ANY_SEGMENT.test(text);
}

/** Whether a file is about HL7 v2: it names an MSH segment or HL7. */
export function aboutHl7(text: string): boolean {
  return /MSH\||\bhl7\b/i.test(text);
}
